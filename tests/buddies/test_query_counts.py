"""Buddy pages cost the same number of queries however many buddies, requests and pairs exist."""


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _add_people(make_buddy_offer, make_buddy_request, n, start):
    for i in range(start, start + n):
        make_buddy_offer(display_name=f"Buddy {i}", capacity=2, topics=["Öffentlichkeitsarbeit",
                                                                         f"Thema {i % 3}"])
        make_buddy_request(display_name=f"Neu {i}", topics=["Öffentlichkeitsarbeit"])


def test_overview_suggestions_and_round_pages_have_bounded_queries(
        client, auth, make_user, make_buddy_offer, make_buddy_request, make_buddy_pair,
        count_queries):
    pair = make_buddy_pair()
    me = make_buddy_request(display_name="Ich", topics=["Öffentlichkeitsarbeit"])
    moderator = make_user(role="moderator")
    _add_people(make_buddy_offer, make_buddy_request, 2, 0)
    urls = {me: ["/buddys/", "/"], moderator: ["/buddys/moderation", "/buddys/moderation/runde"],
            pair.newcomer: [f"/buddys/paar/{pair.id}"]}

    def measure():
        counts = []
        for user, paths in urls.items():
            auth.login(user)
            counts += [_count(client, count_queries, url) for url in paths]
            auth.logout()
        return counts

    small = measure()
    _add_people(make_buddy_offer, make_buddy_request, 8, 10)
    for i in range(5):
        make_buddy_pair(newcomer_name=f"Paar {i}", buddy_name=f"Paarbuddy {i}")
    assert measure() == small


def test_a_buddys_overview_and_card_cost_the_same_with_more_pairs_and_asks(
        app, client, auth, make_buddy_offer, make_buddy_request, make_buddy_pair, count_queries):
    """The buddy's page lists their pairs and the asks waiting for them, with topics."""
    from alumni_hub.accounts.models import User
    from alumni_hub.buddies.services import asks
    from alumni_hub.extensions import db

    buddy = make_buddy_offer(capacity=5, display_name="Bea Buddy")

    def add(n, start):
        for i in range(start, start + n):
            make_buddy_pair(buddy=buddy, newcomer_name=f"Paar {i}")
            asker = make_buddy_request(display_name=f"Fragt {i}",
                                       topics=["Öffentlichkeitsarbeit", f"Thema {i}"])
            with app.app_context():
                asks.ask_buddy(newcomer=db.session.get(User, asker.id), buddy_id=buddy.id,
                               message=f"Hallo {i}")
                db.session.commit()

    add(1, 0)
    auth.login(buddy)
    small = [_count(client, count_queries, url) for url in ("/buddys/", "/")]
    add(3, 1)
    page = client.get("/buddys/").get_data(as_text=True)
    assert page.count('class="buddy-ask"') == 4 and page.count('class="buddy-pair"') == 4
    assert [_count(client, count_queries, url) for url in ("/buddys/", "/")] == small
