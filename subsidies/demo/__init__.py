"""Demo data for `manage.py seed_demo`: the tables (`data`) and the code that builds them (`builder`)."""
