/** @odoo-module **/

import { registry } from "@web/core/registry";

// A party member finds a network, joins it sharing their details, finds it back
// under "My networks", withdraws the consent and leaves.
registry.category("web_tour.tours").add("partijnetwerken_member_journey", {
    url: "/my/networks/browse",
    steps: () => [
        {
            content: "Search for a network",
            trigger: "form[role=search] input[name=search]",
            run: "edit Portaaltour",
        },
        {
            content: "Start the search",
            trigger: "form[role=search] button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the network found",
            trigger: '.o_pn_network_card:contains("Doelgroepnetwerk Portaaltour") .o_pn_view_network',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Endorse the goal",
            trigger: ".o_pn_join_form input[name=goal_endorsed]",
            run: "click",
        },
        {
            content: "Agree to share my details with the core group",
            trigger: ".o_pn_join_form input[name=consent_data_sharing]",
            run: "click",
        },
        {
            content: "Join",
            trigger: ".o_pn_join_form .o_pn_join_button",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "I am a member now",
            trigger: ".o_pn_membership_card .o_pn_withdraw_consent",
        },
        {
            content: "Go to my networks",
            trigger: '.o_portal_submenu a[href="/my/networks"]',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new membership is listed, with my details shared",
            trigger:
                '.o_pn_my_memberships a:contains("Doelgroepnetwerk Portaaltour") .o_pn_consent_shared',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Withdraw my consent",
            trigger: ".o_pn_membership_card .o_pn_withdraw_consent",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The consent is withdrawn: I can give it again",
            trigger: ".o_pn_membership_card .o_pn_give_consent",
        },
        {
            content: "Ask to leave",
            trigger: ".o_pn_membership_card .o_pn_leave_toggle",
            run: "click",
        },
        {
            content: "Confirm leaving",
            trigger: ".o_pn_membership_card .o_pn_leave_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "I left: the join form is back",
            trigger: ".o_pn_join_form .o_pn_join_button",
        },
    ],
});
