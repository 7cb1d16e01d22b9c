"""Sociaal-culturele accommodaties: register, exploitatie- and onderhoudssubsidie (DESIGN §3)."""
