"""The app's routes, one module per audience: the API, the ACS page, the invoice pages, the site."""
