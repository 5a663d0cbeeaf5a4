app_name = "gebiedsanalyse"

urlpatterns: list = []
