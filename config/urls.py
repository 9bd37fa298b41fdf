from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from appeal import api as appeal_api

# None of them reads the body or checks the CSRF token, unlike Django's own (config/errors.py).
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"

urlpatterns = [
    path("api/v1/appeal", appeal_api.appeal, name="api-appeal"),
    path("api/v1/", include("rules.api_urls")),
]
# French at "/", English under "/en/": the language is in the address, so a printed or shared
# link opens in the language it was made in.
urlpatterns += i18n_patterns(
    path("", include("questionnaire.urls")),
    path("recours/", include("appeal.urls")),
    prefix_default_language=False,
)
