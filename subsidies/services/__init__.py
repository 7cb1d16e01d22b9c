"""Business rules as plain functions: the transitions, the API, the admin and tasks all call these."""
