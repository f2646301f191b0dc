/** @odoo-module **/

import { registry } from "@web/core/registry";

// A core-group member opens the member list of their network and searches it.
registry.category("web_tour.tours").add("partijnetwerken_core_member_list", {
    url: "/my/networks",
    steps: () => [
        {
            content: "Open the member list from my core-group seat",
            trigger: '.o_pn_my_seats .list-group-item:contains("Themanetwerk Zorg") .o_pn_seat_members',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The members who share their details are listed",
            trigger: '.o_pn_member_list .o_pn_member:contains("Anna Aandeel")',
        },
        {
            content: "Search by city",
            trigger: "form[role=search] input[name=search]",
            run: "edit Utrecht",
        },
        {
            content: "Start the search",
            trigger: "form[role=search] button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Anna lives in Utrecht",
            trigger: '.o_pn_member_list .o_pn_member:contains("anna.aandeel@example.nl")',
        },
        {
            content: "The download offers the same search",
            trigger: '.o_pn_csv_link[href*="search=Utrecht"]',
        },
    ],
});
