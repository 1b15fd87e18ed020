"""Dialogs: composing a SIENA message, requests, direct contacts, your own steps, summaries.

A dialog builds an action and hands it to the app. When the engine refuses it, the
reason stays in the dialog so the player can put it right; the attempt is part of the game
(and of the debrief), exactly as in the plain mode.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from ...engine import Action, AskPermission, Do, Event, Request, Send, Share
from ...engine import events as E
from ...engine.siena import HANDLING_CODES, INFO_CODES, SOURCE_CODES
from ...i18n import tn
from ...play import narrate
from ..localize import binding
from ..text import lines, linked, plain
from ..widgets.marks import CheckList, MarkedRadioButton, relabel
from ..widgets.tlabel import TFieldLabel, TLabel
from .base import BaseModal

NONE = "-"


def refusal_of(events: list[Event]) -> Event | None:
    return next((e for e in events if e.kind == E.ACTION_REFUSED), None)


class ActionDialog(BaseModal[bool]):
    """A dialog that ends by performing one action; shows the reason if it is refused."""

    BINDINGS = [
        binding("escape", "cancel", "cancel"),
        binding("ctrl+s", "confirm", "confirm", priority=True),
    ]

    def action_confirm(self) -> None:
        self.confirm()

    def submit(self, action: Action) -> None:
        events = self.game.perform(action)
        refused = refusal_of(events)
        status = self.query_one(".dialog-status", Static)
        if refused is None:
            self.dismiss(True)
            return
        session = self.session
        reason = narrate.reason_text(session.content, refused.data["reason"], self.lang)
        text = "✘ " + self.tr("refused", reason=reason)
        source = narrate.source_text(session.content, refused.data.get("source"), self.lang)
        if source:
            text += "\n  " + self.tr("event.source", source=source)
        penalties = [e for e in events if e.kind == E.SCORE_CHANGED]
        for p in penalties:
            pillar = self.tr("pillar." + p.data["pillar"])
            text += f"\n  {pillar} {p.data['delta']:+d}"
        status.update(linked(text, self.game.term_index()))
        status.add_class("shown")

    def say_here(self, text: str) -> None:
        """A word in the dialog's own status line (nothing was tried, nothing refused)."""
        status = self.query_one(".dialog-status", Static)
        status.update(Content(text))
        status.add_class("shown")
        status.scroll_visible()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        elif event.button.id == "ok":
            self.confirm()

    def confirm(self) -> None:
        """Build the action from the form and submit it."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter on a chosen service or step takes it, as the button would.
        self.confirm()


def _offer_facts(screen: BaseModal[Any], kinds: Collection[str]) -> None:
    """Fill the ``#fact`` choice with the facts of ``kinds`` the player knows; none asked
    for: the choice is switched off and hidden, with its question."""
    content = screen.session.content
    fact = screen.query_one("#fact", Select)
    choices = [
        (label, fid) for label, fid in _fact_choices(screen) if content.facts[fid].kind in kinds
    ]
    fact.set_options(choices)
    fact.disabled = not kinds
    fact.display = screen.query_one("#l-fact").display = bool(kinds)
    if choices:
        fact.value = choices[0][1]


def _fact_choices(dialog: BaseModal[Any]) -> list[tuple[Content, str]]:
    session = dialog.session
    mine = session.state.knowledge.get(session.state.role, {})
    choices = []
    for fact_id, how in mine.items():
        fact = session.content.facts[fact_id]
        marks = (f" {how.handling}" if how.handling else "") + (" ⚑" if fact.personal_data else "")
        choices.append((Content(f"{fact.label.get(dialog.lang)}{marks}"), fact_id))
    return choices


class ComposeDialog(ActionDialog):
    """A SIENA message: every field, each code explained, refused with the engine's reason."""

    AUTO_FOCUS = "#to"

    def __init__(
        self,
        to: tuple[str, ...] = (),
        facts: tuple[str, ...] = (),
        reply_to: int | None = None,
        subject: str = "",
    ) -> None:
        super().__init__()
        self.preset_to, self.preset_facts = to, facts
        self.reply_to, self.preset_subject = reply_to, subject

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel(id="compose-title", classes="dialog-title")
            yield Static(classes="dialog-status")
            with VerticalScroll(classes="dialog-body"):
                yield TFieldLabel("tui.f_to", id="l-to")
                yield CheckList(id="to")
                yield TFieldLabel("tui.f_subject", id="l-subject")
                yield Input(id="subject", value=self.preset_subject)
                yield Static(id="case-line", classes="explain")
                yield TFieldLabel("tui.f_body", id="l-body")
                yield TextArea(id="body", soft_wrap=True, classes="body-area")
                yield TFieldLabel("tui.f_facts", id="l-facts")
                yield CheckList(id="facts")
                yield TFieldLabel("tui.f_handling", id="l-handling")
                with RadioSet(id="handling"):
                    for code in HANDLING_CODES:
                        yield MarkedRadioButton(code, value=code == "H0", id=f"h-{code}")
                yield Static(id="handling-explain", classes="explain")
                yield Input(id="handling-note")
                yield TFieldLabel("tui.f_eval", id="l-eval")
                with Horizontal(classes="eval-row"):
                    yield Select[str]([(NONE, NONE)], id="source", allow_blank=False)
                    yield Select[str]([(NONE, NONE)], id="info", allow_blank=False)
                yield Static(id="eval-explain", classes="explain")
                yield TFieldLabel("tui.f_priority", id="l-priority")
                with RadioSet(id="priority"):
                    yield MarkedRadioButton(id="p-normal", value=True)
                    yield MarkedRadioButton(id="p-urgent")
            with Horizontal(classes="buttons"):
                yield Button(id="ok", variant="primary")
                yield Button(id="cancel")

    def refresh_language(self) -> None:
        session = self.session
        content, state = session.content, session.state
        title = self.query_one("#compose-title", TLabel)
        if self.reply_to:
            title.show("tui.compose_reply", n=self.reply_to)
        else:
            title.show("tui.compose_title")
        self.query_one("#case-line", Static).update(
            Content(
                self.tr(
                    "tui.f_case",
                    case=content.scenario.case.reference,
                    title=content.scenario.case.title.get(self.lang),
                    area=self.tr("crime_area.thb"),
                )
            )
        )
        self.query_one("#handling-note", Input).placeholder = self.tr("tui.f_h3_note")
        self.query_one("#p-normal", RadioButton).label = plain(self.tr("tui.p_normal"))
        self.query_one("#p-urgent", RadioButton).label = plain(self.tr("tui.p_urgent"))
        self.query_one("#ok", Button).label = plain(self.tr("tui.send") + " (ctrl+s)")
        self.query_one("#cancel", Button).label = plain(self.tr("tui.cancel") + " (esc)")
        recipients = self.query_one("#to", SelectionList)
        chosen_to = set(recipients.selected) or set(self.preset_to)
        recipients.clear_options()
        for actor in content.actors.values():
            if actor.id != state.role and actor.uses("siena"):
                recipients.add_option(
                    (Content(actor.name.get(self.lang)), actor.id, actor.id in chosen_to)
                )
        facts = self.query_one("#facts", SelectionList)
        chosen_facts = set(facts.selected) or set(self.preset_facts)
        facts.clear_options()
        for label, fact_id in _fact_choices(self):
            facts.add_option((label, fact_id, fact_id in chosen_facts))
        source = self.query_one("#source", Select)
        relabel(
            source,
            [(self.tr("tui.f_source_none"), NONE)]
            + [(self.tr("tui.f_source", code=c), c) for c in SOURCE_CODES],
            str(source.value) if source.value in SOURCE_CODES else NONE,
        )
        info = self.query_one("#info", Select)
        relabel(
            info,
            [(self.tr("tui.f_info_none"), NONE)]
            + [(self.tr("tui.f_info", code=c), c) for c in INFO_CODES],
            str(info.value) if info.value in INFO_CODES else NONE,
        )
        self._explain()

    def _handling(self) -> str:
        pressed = self.query_one("#handling", RadioSet).pressed_button
        return str(pressed.id).removeprefix("h-") if pressed is not None else "H0"

    def _explain(self) -> None:
        handling = self._handling()
        self.query_one("#handling-explain", Static).update(
            linked(self.tr(f"handling.{handling}"), self.game.term_index())
        )
        self.query_one("#handling-note", Input).display = handling == "H3"
        source = str(self.query_one("#source", Select).value)
        info = str(self.query_one("#info", Select).value)
        parts = [
            self.tr(f"source.{source}")
            if source in SOURCE_CODES
            else self.tr("tui.f_source_explain")
        ]
        parts.append(
            self.tr(f"info.{info}") if info in INFO_CODES else self.tr("tui.f_info_explain")
        )
        # Which grade fits what is about to go, and why (what the player found has its
        # own grade; what came from a partner keeps the partner's).
        chosen = list(self.query_one("#facts", SelectionList).selected)
        parts += narrate.grade_hints(self.session.content, self.session.state, chosen, self.lang)
        self.query_one("#eval-explain", Static).update(lines(*parts))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._explain()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if event.selection_list.id == "facts":
            self._explain()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._explain()

    def confirm(self) -> None:
        source = str(self.query_one("#source", Select).value)
        info = str(self.query_one("#info", Select).value)
        urgent = self.query_one("#p-urgent", RadioButton).value
        self.submit(
            Send(
                to=tuple(self.query_one("#to", SelectionList).selected),
                facts=tuple(self.query_one("#facts", SelectionList).selected),
                handling=self._handling(),
                handling_note=self.query_one("#handling-note", Input).value,
                source_code=source if source in SOURCE_CODES else None,
                info_code=info if info in INFO_CODES else None,
                priority="urgent" if urgent else "normal",
                subject=self.query_one("#subject", Input).value,
                body=self.query_one("#body", TextArea).text,
                reply_to=self.reply_to,
            )
        )


class RequestDialog(ActionDialog):
    """A request for one of an agency's (or role's) services; the partner is chosen here
    unless the player came from that partner's page."""

    def __init__(self, agency: str | None = None, service: str | None = None) -> None:
        super().__init__()
        self.agency, self.preset_service = agency, service
        # Per dialog: where the player starts depends on where they came from.
        self.AUTO_FOCUS = "#service" if agency else "#partner"  # type: ignore[misc]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel(id="request-title", classes="dialog-title")
            yield Static(classes="dialog-status")
            with VerticalScroll(classes="dialog-body"):
                yield TFieldLabel("tui.f_partner", id="l-partner")
                yield Select[str]([], id="partner", allow_blank=True)
                yield TFieldLabel("tui.f_service", id="l-service")
                yield OptionList(id="service")
                yield Static(id="service-explain", classes="explain")
                yield TFieldLabel("tui.f_fact", id="l-fact")
                yield Select[str]([], id="fact", allow_blank=True)
                yield TFieldLabel("tui.f_note", id="l-note")
                yield Input(id="note")
                with RadioSet(id="priority"):
                    yield MarkedRadioButton(id="p-normal", value=True)
                    yield MarkedRadioButton(id="p-urgent")
            with Horizontal(classes="buttons"):
                yield Button(id="ok", variant="primary")
                yield Button(id="cancel")

    def partners(self) -> list[Any]:
        session = self.session
        return [
            a for a in session.content.actors.values() if a.id != session.state.role and a.services
        ]

    def refresh_language(self) -> None:
        partner = self.query_one("#partner", Select)
        partner.set_options([(Content(a.name.get(self.lang)), a.id) for a in self.partners()])
        if self.agency is not None:
            partner.value = self.agency
        self.query_one("#p-normal", RadioButton).label = plain(self.tr("tui.p_normal"))
        self.query_one("#p-urgent", RadioButton).label = plain(self.tr("tui.p_urgent"))
        self.query_one("#ok", Button).label = plain(self.tr("tui.send_request") + " (ctrl+s)")
        self.query_one("#cancel", Button).label = plain(self.tr("tui.cancel") + " (esc)")
        self._fill_services()

    def _fill_services(self) -> None:
        services = self.query_one("#service", OptionList)
        keep = services.highlighted
        services.clear_options()
        if self.agency is None:
            self.query_one("#request-title", TLabel).show("tui.request_choose")
            self.query_one("#service-explain", Static).update(plain(self.tr("tui.choose_partner")))
            _offer_facts(self, ())
            return
        actor = self.session.content.actors[self.agency]
        self.query_one("#request-title", TLabel).show("tui.request_title", actor=actor.name.get)
        for service in actor.services.values():
            services.add_option(Option(Content(service.label.get(self.lang)), id=service.id))
        ids = list(actor.services)
        if keep is None or keep >= len(ids):
            keep = ids.index(self.preset_service) if self.preset_service in ids else 0
        if ids:
            services.highlighted = keep
            self._show_service(ids[keep])

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "partner":
            return
        chosen = event.value if isinstance(event.value, str) else None
        if chosen != self.agency:
            self.agency, self.preset_service = chosen, None
            self.query_one("#service", OptionList).highlighted = None
            self._fill_services()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show_service(event.option.id)

    def _show_service(self, service_id: str) -> None:
        session = self.session
        assert self.agency is not None
        service = session.content.actors[self.agency].services[service_id]
        kinds = ", ".join(self.tr(f"kind.{k}") for k in service.targets)
        text = (
            service.text.get(self.lang)
            + "\n"
            + self.tr(
                "tui.service_terms",
                channel=self.tr(f"channel_long.{service.channel}"),
                cost=tn("n.action_points", self.lang, service.cost),
            )
            + (("\n" + self.tr("tui.service_needs", kinds=kinds)) if kinds else "")
        )
        self.query_one("#service-explain", Static).update(linked(text, self.game.term_index()))
        _offer_facts(self, service.targets)

    def confirm(self) -> None:
        if self.agency is None:
            self.say_here(self.tr("tui.choose_partner"))
            self.query_one("#partner").focus()
            return
        services = self.query_one("#service", OptionList)
        if services.highlighted is None:
            return
        service = services.get_option_at_index(services.highlighted).id
        assert service is not None
        fact = self.query_one("#fact", Select)
        chosen = fact.value if not fact.disabled and isinstance(fact.value, str) else None
        urgent = self.query_one("#p-urgent", RadioButton).value
        self.submit(
            Request(
                self.agency,
                service,
                chosen,
                "urgent" if urgent else "normal",
                self.query_one("#note", Input).value,
            )
        )


class ShareDialog(ActionDialog):
    """A direct contact (phone, e-mail, meeting), passing on the facts chosen; the partner
    is chosen here unless the player came from that partner's page."""

    def __init__(self, to: str | None = None, facts: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.to, self.preset_facts = to, facts
        # Per dialog: where the player starts depends on where they came from.
        self.AUTO_FOCUS = "#facts" if to else "#partner"  # type: ignore[misc]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel(id="share-title", classes="dialog-title")
            yield Static(classes="dialog-status")
            with VerticalScroll(classes="dialog-body"):
                yield TLabel("tui.share_explain", id="share-explain", classes="explain")
                yield TFieldLabel("tui.f_partner", id="l-partner")
                yield Select[str]([], id="partner", allow_blank=True)
                yield TFieldLabel("tui.f_facts", id="l-facts")
                yield CheckList(id="facts")
                yield TFieldLabel("tui.f_note", id="l-note")
                yield Input(id="note")
            with Horizontal(classes="buttons"):
                yield Button(id="ok", variant="primary")
                yield Button(id="cancel")

    def partners(self) -> list[Any]:
        session = self.session
        return [
            a
            for a in session.content.actors.values()
            if a.id != session.state.role and a.uses("direct")
        ]

    def refresh_language(self) -> None:
        partner = self.query_one("#partner", Select)
        partner.set_options([(Content(a.name.get(self.lang)), a.id) for a in self.partners()])
        if self.to is not None:
            partner.value = self.to
        self._title()
        self.query_one("#ok", Button).label = plain(self.tr("tui.share_send") + " (ctrl+s)")
        self.query_one("#cancel", Button).label = plain(self.tr("tui.cancel") + " (esc)")
        facts = self.query_one("#facts", SelectionList)
        chosen = set(facts.selected) or set(self.preset_facts)
        facts.clear_options()
        for label, fact_id in _fact_choices(self):
            facts.add_option((label, fact_id, fact_id in chosen))

    def _title(self) -> None:
        title = self.query_one("#share-title", TLabel)
        if self.to is None:
            title.show("tui.share_choose")
        else:
            actor = self.session.content.actors[self.to]
            title.show("tui.share_title", actor=actor.name.get)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "partner":
            self.to = event.value if isinstance(event.value, str) else None
            self._title()

    def confirm(self) -> None:
        if self.to is None:
            self.say_here(self.tr("tui.choose_partner"))
            self.query_one("#partner").focus()
            return
        self.submit(
            Share(
                self.to,
                tuple(self.query_one("#facts", SelectionList).selected),
                self.query_one("#note", Input).value,
            )
        )


class PermissionDialog(ActionDialog):
    """Asking the provider of H1/H2 information for permission to pass it on: the fact is
    chosen here, from those that need it."""

    AUTO_FOCUS = "#fact"

    def __init__(self, fact: str | None = None) -> None:
        super().__init__()
        self.preset_fact = fact

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel("tui.permission_title", id="permission-title", classes="dialog-title")
            yield Static(classes="dialog-status")
            with VerticalScroll(classes="dialog-body"):
                yield Static(id="permission-explain", classes="explain")
                yield TFieldLabel("tui.f_fact", id="l-fact")
                yield Select[str]([], id="fact", allow_blank=True)
            with Horizontal(classes="buttons"):
                yield Button(id="ok", variant="primary")
                yield Button(id="cancel")

    def restricted(self) -> list[tuple[Content, str]]:
        """The facts whose provider's permission is needed and not yet given."""
        state = self.session.state
        mine = state.knowledge.get(state.role, {})
        return [
            (label, fact_id)
            for label, fact_id in _fact_choices(self)
            if mine[fact_id].handling in ("H1", "H2")
            and mine[fact_id].source is not None
            and (fact_id, mine[fact_id].source) not in state.permissions
        ]

    def refresh_language(self) -> None:
        choices = self.restricted()
        self.query_one("#permission-explain", Static).update(
            linked(
                self.tr("tui.permission_explain" if choices else "tui.permission_none"),
                self.game.term_index(),
            )
        )
        fact = self.query_one("#fact", Select)
        fact.set_options(choices)
        ids = [fact_id for _, fact_id in choices]
        if self.preset_fact in ids:
            fact.value = self.preset_fact
        elif len(ids) == 1:
            fact.value = ids[0]
        fact.display = self.query_one("#l-fact").display = bool(ids)
        self.query_one("#ok", Button).label = plain(
            self.tr("tui.ask_permission_send") + " (ctrl+s)"
        )
        self.query_one("#ok", Button).disabled = not ids
        self.query_one("#cancel", Button).label = plain(self.tr("tui.cancel") + " (esc)")

    def confirm(self) -> None:
        fact = self.query_one("#fact", Select).value
        if not isinstance(fact, str):
            self.say_here(self.tr("tui.choose_fact"))
            return
        self.submit(AskPermission(fact))


class StepDialog(ActionDialog):
    """Your own steps: interviews, checks, searches ..., with what each costs."""

    AUTO_FOCUS = "#steps"

    _why: dict[str, Any] = {}  # replaced per dialog by my_steps()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel("tui.steps_title", id="step-title", classes="dialog-title")
            yield Static(classes="dialog-status")
            with VerticalScroll(classes="dialog-body"):
                yield OptionList(id="steps")
                yield Static(id="step-explain", classes="explain")
                yield TFieldLabel("tui.f_fact", id="l-fact")
                yield Select[str]([], id="fact", allow_blank=True)
            with Horizontal(classes="buttons"):
                yield Button(id="ok", variant="primary")
                yield Button(id="cancel")

    def my_steps(self) -> list[Any]:
        """The steps to list: those possible now first, then the others, greyed with why;
        steps that wait for an event stay hidden until it happens."""
        from ...engine.steps import step_options

        session = self.session
        options = step_options(session.engine, session.state)
        self._why = {o.action: o.reason for o in options if o.reason is not None}
        ordered = sorted(options, key=lambda o: not o.available)
        return [session.content.actions[o.action] for o in ordered]

    def refresh_language(self) -> None:
        self.query_one("#ok", Button).label = plain(self.tr("tui.do_step") + " (ctrl+s)")
        self.query_one("#cancel", Button).label = plain(self.tr("tui.cancel") + " (esc)")
        steps = self.query_one("#steps", OptionList)
        keep = steps.highlighted
        steps.clear_options()
        mine = self.my_steps()
        for action in mine:
            # Ticked once done, repeatable or not: the player sees what they have done.
            mark = "✔ " if self.session.state.done.get(action.id, 0) else ""
            cost = self.tr("tui.step_cost", cost=tn("n.action_points", self.lang, action.cost))
            why = self._why.get(action.id)
            note = ""
            if why is not None:
                said = narrate.reason_text(self.session.content, why, self.lang)
                note = " · " + self.tr("plain.not_now", why=said)
            steps.add_option(
                Option(
                    Content(f"{mark}{action.label.get(self.lang)} · {cost}{note}"),
                    id=action.id,
                    disabled=why is not None,
                )
            )
        if not mine or mine[0].id in self._why:
            if not mine:
                steps.add_option(Option(plain(self.tr("plain.no_actions")), disabled=True))
            self.query_one("#ok", Button).disabled = True
            if mine:
                self._show(mine[0].id)
            return
        steps.highlighted = keep if keep is not None and keep < len(mine) else 0
        self._show(mine[steps.highlighted or 0].id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    def _show(self, action_id: str) -> None:
        session = self.session
        action = session.content.actions[action_id]
        self.query_one("#step-explain", Static).update(
            linked(action.text.get(self.lang), self.game.term_index())
        )
        _offer_facts(self, action.targets)

    def confirm(self) -> None:
        steps = self.query_one("#steps", OptionList)
        if steps.highlighted is None:
            return
        action_id = steps.get_option_at_index(steps.highlighted).id
        if action_id is None:
            return
        fact = self.query_one("#fact", Select)
        chosen = fact.value if not fact.disabled and isinstance(fact.value, str) else None
        self.submit(Do(action_id, chosen))


class MessageDialog(BaseModal[None]):
    """A title, some text, and OK."""

    AUTO_FOCUS = "#close"

    BINDINGS = [
        binding("escape", "close", "close"),
        binding("enter", "close", "close", show=False),
    ]

    def __init__(self, title: str, text: str | Content, *, linked_terms: bool = False) -> None:
        super().__init__()
        self.title_text, self.text = title, text
        self.linked_terms = linked_terms

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(id="dialog-text")
            with Horizontal(classes="buttons"):
                yield Button("OK", id="close", variant="primary")

    def refresh_language(self) -> None:
        text = self.text
        if isinstance(text, str):
            text = linked(text, self.game.term_index()) if self.linked_terms else Content(text)
        self.query_one("#dialog-text", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDialog(BaseModal[bool]):
    AUTO_FOCUS = "#yes"
    BINDINGS = [binding("escape", "no", "cancel"), binding("y", "yes", "yes")]

    def __init__(self, question: str, *, quitting: bool = False) -> None:
        super().__init__()
        self.question = question
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-body")
            with Horizontal(classes="buttons"):
                yield Button(id="yes", variant="primary")
                yield Button(id="no")

    def refresh_language(self) -> None:
        self.query_one("#yes", Button).label = plain(self.tr("tui.yes"))
        self.query_one("#no", Button).label = plain(self.tr("tui.no"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)

    def action_ask_quit(self) -> None:
        if self.quitting:  # F10 again on "Quit?" means yes
            self.dismiss(True)
        else:
            super().action_ask_quit()


class BriefingDialog(MessageDialog):
    """Before turn 1, and again on ``b``: what is fictional in the case, the content note,
    and the player's role card."""

    def __init__(self) -> None:
        super().__init__("", "", linked_terms=True)

    def refresh_language(self) -> None:
        from .roles import role_card_text

        session = self.session
        scenario = session.content.scenario
        lang = self.lang
        self.query_one(".dialog-title", Static).update(
            Content(self.tr("tui.briefing_title", title=scenario.title.get(lang)))
        )
        parts = [scenario.fiction_note.get(lang)]
        if scenario.content_note is not None:
            parts += ["", "⚠ " + self.tr("tui.content_note", note=scenario.content_note.get(lang))]
        actor = session.content.actors[session.state.role]
        parts += ["", "─" * 20, self.tr("tui.briefing_role", role=actor.name.get(lang))]
        parts += ["", role_card_text(actor, lang), "", self.tr("tui.briefing_again")]
        self.query_one("#dialog-text", Static).update(
            linked("\n".join(parts), self.game.term_index())
        )
