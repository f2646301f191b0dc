from . import test_website_publication
from . import test_website_access
from . import test_website_pages
from . import test_website_event_registration
from . import test_website_tour
from . import test_website_performance
