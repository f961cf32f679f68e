"""The discrete-event simulation of a campaign in virtual time."""
