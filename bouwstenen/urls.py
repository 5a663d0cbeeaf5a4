app_name = "bouwstenen"

urlpatterns: list = []
