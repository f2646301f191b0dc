"""pytest set-up for the addons' tests (run by scripts/test.sh through pytest-odoo).

pytest-odoo imports ``odoo.tests`` before it turns on Odoo's test mode, and
``odoo.tests.common`` then logs an ERROR ("Importing test framework, avoid importing
from business modules and when not running in test mode") into the log of the test
run, which scripts/test.sh checks. Odoo's own test runner imports it in test mode;
this does the same, before pytest-odoo's import, and leaves the option as it was.
"""

import odoo.tools

_test_enable = odoo.tools.config["test_enable"]
odoo.tools.config["test_enable"] = True
try:
    import odoo.tests  # noqa: F401
finally:
    odoo.tools.config["test_enable"] = _test_enable
