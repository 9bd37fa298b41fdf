from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("rules.api_urls")),
]
# French at "/", English under "/en/": the language is in the address, so a printed or shared
# link opens in the language it was made in.
urlpatterns += i18n_patterns(
    path("", include("questionnaire.urls")),
    prefix_default_language=False,
)
