"""The cross-origin headers of static files, set by WhiteNoise itself (its header hook) so that
they hold wherever WhiteNoise serves from; SecurityHeadersMiddleware sets the same on everything
else. No Django import here: settings.py imports it."""

# Another site can neither embed our files (CORP) nor keep a handle on our window (COOP).
CROSS_ORIGIN_POLICY = "same-origin"


def add_static_headers(headers, path, url):
    headers["Cross-Origin-Opener-Policy"] = CROSS_ORIGIN_POLICY
    headers["Cross-Origin-Resource-Policy"] = CROSS_ORIGIN_POLICY
