"""The bid room writes its amounts the way the reader's language does."""


def test_bid_room_amounts_follow_the_page_language(client, team):
    client.force_login(team.people["lead officer"])
    path = team.bid.get_absolute_url()
    korean = client.get(path).content.decode()
    english = client.get(f"/en{path}").content.decode()
    assert team.bid.opportunity.currency == "KRW"
    assert "₩500,000,000" in korean and "₩500,000,000" in english
    assert "KRW 500" not in korean


def test_opportunity_amounts_in_dollars_read_differently_in_each_language(client, team):
    opportunity = team.bid.opportunity
    opportunity.currency, opportunity.max_award = "USD", 2_000_000
    opportunity.save(update_fields=["currency", "max_award"])
    path = opportunity.get_absolute_url()
    assert "US$2,000,000" in client.get(path).content.decode()
    english = client.get(f"/en{path}").content.decode()
    assert "$2,000,000" in english and "US$" not in english
