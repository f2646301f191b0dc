/** @odoo-module **/
import { registry } from "@web/core/registry";

// The public visitor finds a network, opens its page and is asked to log in to join.
registry.category("web_tour.tours").add("partijnetwerken_website_public_tour", {
    url: "/netwerken",
    steps: () => [
        {
            content: "Open the network from the index",
            trigger: ".o_pn_network_card a:contains('Themanetwerk Websitezorg')",
            run: "click",
        },
        {
            content: "The network page shows its goal",
            trigger: ".o_pn_website_goal:contains('Goede zorg dichtbij')",
        },
        {
            content: "Join this network",
            trigger: "a.o_pn_join_button",
            run: "click",
        },
        {
            content: "The visitor is asked to log in",
            trigger: "form.oe_login_form input[name='login']",
        },
    ],
});
