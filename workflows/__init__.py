"""The generic workflow engine: state-machine base, the one transition service, deadlines and the audit trail.

It knows nothing about subsidies: the domain apps build on it, never the other way round.
"""
