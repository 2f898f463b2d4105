from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_reader, name="reader"),
    path("import/", views.import_articles, name="import"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
