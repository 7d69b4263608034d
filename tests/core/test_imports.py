"""The import rules of docs/architektur.md hold: no cycle between features, core imports no
feature, no feature imports another one's routes or forms, and no feature's tests import
another feature's tests (imports inside functions count)."""
from pathlib import Path

import alumni_hub
from alumni_hub import FEATURES
from tests.core.import_graph import (
    cross_feature_test_imports,
    cycles,
    feature_edges,
    forbidden_imports,
    module_imports,
)

PACKAGE = Path(alumni_hub.__file__).parent
TESTS = Path(__file__).parents[1]
FEATURE_SET = set(FEATURES)


def _graph():
    return module_imports(PACKAGE)


def test_no_import_cycle_between_feature_packages():
    graph = _graph()
    found = cycles(feature_edges(graph, FEATURE_SET), FEATURE_SET)
    assert found == [], "Import cycles between features: " + "; ".join(
        " → ".join(path) for path in found)


def test_core_imports_no_feature_and_no_feature_imports_others_routes_or_forms():
    assert forbidden_imports(_graph(), FEATURE_SET) == []


def test_no_features_tests_import_another_features_tests():
    # Another feature's data comes from its builders' fixtures (loaded as plugins for all tests).
    graph = module_imports(TESTS, top="tests")
    assert cross_feature_test_imports(graph, FEATURE_SET) == []


def test_the_reader_sees_imports_inside_functions_and_relative_imports(tmp_path):
    root = _package(tmp_path, {
        "core/__init__.py": "",
        "core/helper.py": "def later():\n    from app.shop.models import Item\n",
        "shop/__init__.py": "from . import routes\n",
        "shop/routes.py": "",
        "shop/models.py": "",
    })
    graph = module_imports(root, top="app")
    assert "app.shop.models" in graph["app.core.helper"]
    assert "app.shop.routes" in graph["app.shop"]


def test_guard_fails_on_an_injected_cycle(tmp_path):
    # Two features that reach each other only through an import inside a function.
    root = _package(tmp_path, {
        "shop/__init__.py": "",
        "shop/services.py": "from app.billing.models import Invoice\n",
        "billing/__init__.py": "",
        "billing/models.py": "",
        "billing/services.py": "def pay():\n    from app.shop import services\n",
    })
    features = {"shop", "billing"}
    found = cycles(feature_edges(module_imports(root, top="app"), features), features)
    assert found == [["billing", "shop", "billing"]]


def test_guard_names_core_importing_a_feature_and_reaching_into_routes_or_forms(tmp_path):
    root = _package(tmp_path, {
        "core/__init__.py": "",
        "core/nav.py": "from app.shop import models\n",
        "shop/__init__.py": "",
        "shop/models.py": "",
        "shop/forms.py": "",
        "shop/routes/__init__.py": "",
        "shop/routes/cart.py": "",
        "billing/__init__.py": "",
        "billing/services.py": "from app.shop.forms import CartForm\n"
                               "from app.shop.routes import cart\n",
    })
    problems = forbidden_imports(module_imports(root, top="app"), {"shop", "billing"})
    assert problems == [
        "app.billing.services imports app.shop.forms, another feature's routes/forms",
        "app.billing.services imports app.shop.forms.CartForm, another feature's routes/forms",
        "app.billing.services imports app.shop.routes, another feature's routes/forms",
        "app.billing.services imports app.shop.routes.cart, another feature's routes/forms",
        "app.core.nav (core) imports the feature module app.shop",
        "app.core.nav (core) imports the feature module app.shop.models",
    ]


def test_guard_names_a_test_importing_another_features_tests(tmp_path):
    root = _package(tmp_path, {
        "conftest.py": "",
        "core/__init__.py": "",
        "core/servers.py": "",
        "shop/__init__.py": "",
        "shop/builders.py": "from app.conftest import detach\n",
        "shop/test_cart.py": "from app.core import servers\n"
                             "def test_cart():\n    from app.billing.test_pay import pay\n",
        "billing/__init__.py": "",
        "billing/test_pay.py": "from app.billing.builders import invoice\n"
                               "import app.shop.builders\n",
        "billing/builders.py": "",
    })
    problems = cross_feature_test_imports(module_imports(root, top="app"), {"shop", "billing"})
    assert problems == ["app.billing.test_pay imports app.shop.builders",
                        "app.shop.test_cart imports app.billing.test_pay",
                        "app.shop.test_cart imports app.billing.test_pay.pay"]


def _package(tmp_path, files: dict[str, str]) -> Path:
    root = tmp_path / "app"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root
