"""The header on a phone and a desktop, with and without JavaScript; the visible focus ring."""
import pytest


def _contrast(rgb_a, rgb_b) -> float:
    def luminance(rgb):
        channels = []
        for value in rgb:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    lighter, darker = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _member_page(browser, live_server, login_as, make_user, *, width, javascript=True):
    context = browser.new_context(base_url=live_server, locale="de-DE", java_script_enabled=javascript,
                                  viewport={"width": width, "height": 800})
    page = context.new_page()
    login_as(page, make_user(display_name="Hanna Handy"))
    return context, page


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_header_folds_behind_a_menu_button_that_works_without_javascript(
        browser, live_server, login_as, make_user, javascript):
    context, page = _member_page(browser, live_server, login_as, make_user, width=320,
                                 javascript=javascript)
    page.goto("/mitglieder/")
    menu = page.locator("details.menu-toggle > summary")
    assert menu.is_visible() and not page.locator(".main-nav a", has_text="Wiki").is_visible()
    assert menu.bounding_box()["height"] >= 44
    menu.click()
    assert page.locator(".main-nav a", has_text="Wiki").is_visible()
    assert page.locator(".notification-badge a").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_desktop_header_shows_everything_without_a_menu_button(browser, live_server, login_as,
                                                               make_user):
    context, page = _member_page(browser, live_server, login_as, make_user, width=1280)
    page.goto("/")
    assert not page.locator("details.menu-toggle > summary").is_visible()
    for text in ("Foren", "Wiki", "Mitglieder", "Benachrichtigungen", "Hanna Handy", "English"):
        assert page.locator("header", has_text=text).locator(f"text={text}").first.is_visible()
    context.close()


def test_focus_ring_has_at_least_3_to_1_contrast_against_white(browser, live_server, login_as,
                                                               make_user):
    context, page = _member_page(browser, live_server, login_as, make_user, width=1280)
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the skip link to the brand link
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }""")
    outline_style, width, color = style
    rgb = [int(part) for part in color[color.index("(") + 1:color.index(")")].split(",")[:3]]
    assert outline_style == "solid" and width >= 2
    assert _contrast(rgb, (255, 255, 255)) >= 3
    context.close()
