from django.urls import path

from .feeds import NewCaseStudies
from .views import (
    adoptions,
    authoring,
    challenges,
    indicators,
    network,
    offerings,
    replication,
)

app_name = "catalogue"
urlpatterns = [
    path("case-studies.atom", NewCaseStudies(), name="feed"),
    path("case-studies/<int:page_id>/adopt/", adoptions.adopt, name="adopt"),
    path("case-studies/<int:page_id>/replicate/", replication.replicate, name="replicate"),
    path("adoptions/<int:pk>/", replication.adoption_detail, name="adoption"),
    path("case-studies/<int:page_id>/follow/", adoptions.follow, name="follow"),
    path("case-studies/<int:page_id>/unfollow/", adoptions.unfollow, name="unfollow"),
    path("case-studies/mine/", authoring.my_case_studies, name="my_case_studies"),
    path("case-studies/write/", authoring.write, name="write"),
    path("case-studies/write/<int:page_id>/preview/", authoring.preview, name="write_preview"),
    path("case-studies/write/<int:page_id>/submit/", authoring.submit, name="write_submit"),
    path("case-studies/write/<int:page_id>/<str:step>/", authoring.write, name="write_step"),
    path("catalogue/network/<int:pk>/", network.harvested_case_study,
         name="harvested_case_study"),
    path("offerings/", offerings.offering_list, name="offerings"),
    path("offerings/new/", offerings.offering_edit, name="offering_new"),
    path("offerings/deployments/<int:pk>/", offerings.decide_deployment,
         name="decide_deployment"),
    path("offerings/<str:slug>/", offerings.offering_detail, name="offering"),
    path("offerings/<str:slug>/edit/", offerings.offering_edit, name="offering_edit"),
    path("offerings/<str:slug>/deployments/", offerings.claim_deployment,
         name="claim_deployment"),
    path("indicators/", indicators.indicator_list, name="indicators"),
    path("indicators/<str:code>/", indicators.indicator_detail, name="indicator"),
    path("indicators/<str:code>/results.csv", indicators.indicator_results_csv,
         name="indicator_csv"),
    path("indicators/<str:code>/results.json", indicators.indicator_results_json,
         name="indicator_json"),
    path("challenges/", challenges.challenge_list, name="challenges"),
    path("challenges/new/", challenges.challenge_edit, name="challenge_new"),
    path("challenges/answers/<int:pk>/shortlist/", challenges.shortlist, name="shortlist"),
    path("challenges/<str:slug>/", challenges.challenge_detail, name="challenge"),
    path("challenges/<str:slug>/edit/", challenges.challenge_edit, name="challenge_edit"),
    path("challenges/<str:slug>/answers/", challenges.respond, name="respond"),
]
