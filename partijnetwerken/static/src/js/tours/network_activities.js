/** @odoo-module **/

import { registry } from "@web/core/registry";

// 14 March of next year, 19:30 to 21:00 (winter time in Amsterdam).

// A member registers for an activity of their network, and cancels again.
registry.category("web_tour.tours").add("partijnetwerken_activity_registration", {
    url: "/my/networks",
    steps: () => [
        {
            content: "Open my network",
            trigger: '.o_pn_my_memberships a:contains("Themanetwerk Zorg")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Register for the activity",
            trigger: '.o_pn_event:contains("Online meeting on care") .o_pn_event_register',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "I am registered",
            trigger: '.o_pn_event:contains("Online meeting on care") .o_pn_event_registered',
        },
        {
            content: "Cancel my registration",
            trigger: '.o_pn_event:contains("Online meeting on care") .o_pn_event_unregister',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "I can register again",
            trigger: '.o_pn_event:contains("Online meeting on care") .o_pn_event_register',
        },
    ],
});

// A core-group member organises an activity of their network.
registry.category("web_tour.tours").add("partijnetwerken_activity_create", {
    url: "/my/networks",
    steps: () => [
        {
            content: "Open the network of my core-group seat",
            trigger: '.o_pn_my_seats a:contains("Themanetwerk Zorg")',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start a new activity",
            trigger: ".o_pn_core_actions .o_pn_event_new_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Name",
            trigger: "form.o_pn_event_form input[name=name]",
            run: "edit Werkbezoek huisartsenpost",
        },
        {
            content: "Kind",
            trigger: "form.o_pn_event_form select[name=network_activity_kind]",
            run: "select working_visit",
        },
        {
            content: "Start",
            trigger: "form.o_pn_event_form input[name=date_begin]",
            // the tour's "edit" does not type into a datetime-local input
            run() {
                document.querySelector("form.o_pn_event_form input[name=date_begin]").value =
                    `${new Date().getFullYear() + 1}-03-14T19:30`;
            },
        },
        {
            content: "End",
            trigger: "form.o_pn_event_form input[name=date_end]",
            // the tour's "edit" does not type into a datetime-local input
            run() {
                document.querySelector("form.o_pn_event_form input[name=date_end]").value =
                    `${new Date().getFullYear() + 1}-03-14T21:00`;
            },
        },
        {
            content: "Place",
            trigger: "form.o_pn_event_form input[name=address]",
            run: "edit Huisartsenpost Utrecht",
        },
        {
            content: "Seats",
            trigger: "form.o_pn_event_form input[name=seats_max]",
            run: "edit 15",
        },
        {
            content: "Create the activity",
            trigger: "form.o_pn_event_form .o_pn_event_create",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The activity is on the network page",
            trigger: '.o_pn_event:contains("Werkbezoek huisartsenpost") .o_pn_event_seats:contains("15")',
        },
    ],
});
