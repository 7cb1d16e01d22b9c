"""The initiatieven family's rules: intake (regels), advice (advies), reach (bereik) and the council's figures
(monitoring)."""
