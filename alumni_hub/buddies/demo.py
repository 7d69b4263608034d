"""Demo buddy programme: two buddies, an active pair with goals, open requests and one ask."""
from alumni_hub.buddies.services import asks, offers, pairs

GOALS = [("Erste Pressemitteilung zum Netzwerkstart", True),
         ("Drei Unternehmen für die Praktikumswoche gewinnen", False),
         ("Förderantrag beim Land einreichen", False)]


def _topic_ids(ctx, *names) -> list[int]:
    by_name = {t.name: t.id for t in ctx.get("topics", [])}
    return [by_name[n] for n in names if n in by_name]


def seed(ctx: dict) -> None:
    users = ctx["users"]
    if len(users) < 8:
        return
    # users[2] is the demo login "mitglied": she sees an active pair and an ask to answer.
    mentor, second = users[2], users[3]
    offers.save_offer(user=mentor, capacity=3, note="Gern per Video, dienstags und donnerstags.",
                      topic_ids=_topic_ids(ctx, "Öffentlichkeitsarbeit", "Fördermittel",
                                           "Ansprache von Unternehmen") or [ctx["topics"][0].id])
    offers.save_offer(user=second, capacity=2, note="Ich helfe beim Workshop-Zyklus vor Ort.",
                      topic_ids=_topic_ids(ctx, "Öffentlichkeitsarbeit", "Berufsorientierung",
                                           "Praktikumswoche") or [ctx["topics"][0].id])
    # `suggested` sees suggestions; `for_round` waits for the moderators' matching round.
    paired, suggested, asking, for_round = users[4], users[5], users[6], users[7]
    wishes = _topic_ids(ctx, "Öffentlichkeitsarbeit", "Fördermittel") or [ctx["topics"][0].id]
    requests = {}
    for newcomer in (paired, suggested, asking, for_round):
        profile = newcomer.profile
        requests[newcomer.id] = offers.save_request(
            user=newcomer, topic_ids=wishes, bundesland=profile.bundesland if profile else None,
            network_type=profile.network_type if profile else None,
            note="Ich bin seit diesem Jahr Netzwerkkoordinatorin und freue mich über Tipps.")
    pair = pairs.start_pair(buddy_id=mentor.id, request=requests[paired.id])
    for text, done in GOALS:
        goal = pairs.add_goal(pair=pair, user=paired, text=text)
        goal.done = done
    pairs.share_contact(pair=pair, user=mentor, details="Tel. 05931 44 12 (vormittags)")
    asks.ask_buddy(newcomer=asking, buddy_id=mentor.id,
                   message="Hallo! Ich würde mich sehr über Unterstützung bei der "
                           "Pressearbeit freuen.")
    ctx["buddy_pair"] = pair

