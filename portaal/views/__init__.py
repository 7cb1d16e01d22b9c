"""One module per part of the portal; portaal/urls.py maps each URL to its view."""
