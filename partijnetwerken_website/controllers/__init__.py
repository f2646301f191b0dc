from . import main
from . import portal
from . import website_event
