"""Bewoners- en maatschappelijke initiatieven: register, forms and rules of this request family (DESIGN §3)."""
