"""Every string the program itself says, in English and Slovene, in one place.

Content texts (scenarios, role cards, agencies) live in the YAML files; these are the
engine's, the plain mode's and the command line's own words. A test checks that every
entry has both languages with the same placeholders.
"""

from __future__ import annotations

from typing import Any

LANGS = ("en", "sl")

CATALOG: dict[str, dict[str, str]] = {
    # --- words ------------------------------------------------------------------------------
    "pillar.information_exchange": {"en": "Information exchange", "sl": "Izmenjava informacij"},
    "pillar.coordination": {"en": "Coordination", "sl": "Usklajevanje"},
    "pillar.victim_protection": {"en": "Victim protection", "sl": "Zaščita žrtev"},
    "pillar.standards": {"en": "Standards", "sl": "Standardi"},
    "channel.siena": {"en": "SIENA", "sl": "SIENA"},
    "channel.i24_7": {"en": "Interpol I-24/7", "sl": "Interpolovo omrežje I-24/7"},
    "channel.direct": {"en": "direct contact", "sl": "neposredni stik"},
    "channel.judicial": {"en": "judicial cooperation", "sl": "pravosodno sodelovanje"},
    "channel_long.siena": {
        "en": "SIENA, Europol's secure network for law enforcement",
        "sl": "SIENA (Europolovo varno omrežje za organe pregona)",
    },
    "channel_long.i24_7": {
        "en": "Interpol's I-24/7 network, through the National Central Bureau",
        "sl": "Interpolovo omrežje I-24/7 (prek nacionalnega centralnega biroja)",
    },
    "channel_long.direct": {
        "en": "direct contact: phone, e-mail or a meeting",
        "sl": "neposredni stik (telefon, e-pošta ali sestanek)",
    },
    "channel_long.judicial": {
        "en": "judicial cooperation between judicial authorities (prosecutors, judges), with Eurojust",
        "sl": "pravosodno sodelovanje med pravosodnimi organi (tožilci, sodniki), s pomočjo Eurojusta",
    },
    "kind.person": {"en": "person", "sl": "oseba"},
    "kind.vehicle": {"en": "vehicle", "sl": "vozilo"},
    "kind.place": {"en": "place", "sl": "kraj"},
    "kind.document": {"en": "document", "sl": "listina"},
    "kind.victim": {"en": "victim", "sl": "žrtev"},
    "kind.money": {"en": "money", "sl": "denar"},
    "kind.communication": {"en": "phone or account", "sl": "telefon ali uporabniški račun"},
    "kind.organisation": {"en": "organisation", "sl": "organizacija"},
    "kind.other": {"en": "other", "sl": "drugo"},
    "priority.normal": {"en": "normal", "sl": "običajna"},
    "priority.urgent": {"en": "urgent", "sl": "nujna"},
    "rating.best": {"en": "best outcome", "sl": "najboljši izid"},
    "rating.good": {"en": "good outcome", "sl": "dober izid"},
    "rating.mixed": {"en": "mixed outcome", "sl": "deloma uspešen izid"},
    "rating.bad": {"en": "bad outcome", "sl": "slab izid"},
    "personal_data": {"en": "personal data", "sl": "osebni podatki"},
    "shared": {"en": "shared", "sl": "skupni"},
    "you": {"en": "you", "sl": "vaš"},
    # --- SIENA codes (Council doc. 6261/18; Europol Regulation Art 29) ----------------------
    "handling.H0": {
        "en": "H0: use only to prevent and combat crime, in line with the Europol Regulation and applicable law",
        "sl": "H0: uporaba le za preprečevanje in zatiranje kriminalitete, v skladu z Uredbo o Europolu in veljavnim pravom",
    },
    "handling.H1": {
        "en": "H1: not to be disclosed in judicial proceedings without the provider's permission",
        "sl": "H1: brez dovoljenja zagotovitelja se ne sme razkriti v sodnem postopku",
    },
    "handling.H2": {
        "en": "H2: not to be passed on without the provider's permission",
        "sl": "H2: brez dovoljenja zagotovitelja se ne sme deliti z drugimi",
    },
    "handling.H3": {
        "en": "H3: other restrictions and comments, in free text",
        "sl": "H3: druge omejitve in opombe (prosto besedilo)",
    },
    "source.A": {
        "en": "A: no doubt about the source's authenticity, trustworthiness and competence, or reliable in all instances",
        "sl": "A: ni dvoma o pristnosti, verodostojnosti in usposobljenosti vira ali pa je vir vedno zanesljiv",
    },
    "source.B": {
        "en": "B: source reliable in most instances",
        "sl": "B: vir je večinoma zanesljiv",
    },
    "source.C": {
        "en": "C: source unreliable in most instances",
        "sl": "C: vir je večinoma nezanesljiv",
    },
    "source.X": {"en": "X: the source cannot be assessed", "sl": "X: vira ni mogoče oceniti"},
    "info.1": {"en": "1: accuracy not in doubt", "sl": "1: o točnosti informacije ni dvoma"},
    "info.2": {
        "en": "2: known personally to the source, but not to the official passing it on",
        "sl": "2: vir informacijo pozna osebno, uradna oseba, ki jo posreduje, pa ne",
    },
    "info.3": {
        "en": "3: not known personally to the source, but corroborated by information already recorded",
        "sl": "3: vir informacije ne pozna osebno, potrjujejo pa jo že zabeležene informacije",
    },
    "info.4": {
        "en": "4: not known personally to the source and cannot be corroborated",
        "sl": "4: vir informacije ne pozna osebno in je ni mogoče potrditi",
    },
    "not_graded": {"en": "not graded", "sl": "ni podana"},
    # --- why an action was refused ---------------------------------------------------------
    "refused": {"en": "Not done: {reason}", "sl": "Ni izvedeno: {reason}"},
    "reason.game_over": {"en": "the game has ended.", "sl": "igra je končana."},
    "reason.no_ap": {
        "en": "it needs {cost} action points and you have {ap} left this turn. End the turn to get new ones.",
        "sl": "potrebne akcijske točke: {cost}, preostale v tej potezi: {ap}. Končajte potezo, da dobite nove.",
    },
    "reason.unknown_actor": {
        "en": "there is no “{actor}” in this scenario.",
        "sl": "v tem scenariju ni akterja z oznako »{actor}«.",
    },
    "reason.unknown_inject": {
        "en": "there is no event “{inject}” in this scenario.",
        "sl": "v tem scenariju ni dogodka z oznako »{inject}«.",
    },
    "reason.inject_done": {
        "en": "that event has already happened.",
        "sl": "ta dogodek se je že zgodil.",
    },
    "reason.empty_note": {"en": "the note is empty.", "sl": "zapisek je prazen."},
    "reason.self_target": {
        "en": "you cannot address yourself.",
        "sl": "sami sebi ne morete poslati sporočila ali zahteve.",
    },
    "reason.no_recipients": {
        "en": "a SIENA message needs at least one recipient.",
        "sl": "sporočilo SIENA mora imeti vsaj enega prejemnika.",
    },
    "reason.duplicate_recipient": {
        "en": "a recipient is named twice.",
        "sl": "prejemnik je naveden dvakrat.",
    },
    "reason.siena_no_access": {
        "en": "{role} is not connected to SIENA. SIENA links Europol, the Europol National Units and other law enforcement authorities of the Member States, and partners with agreements. Pass information on directly instead.",
        "sl": "vaša vloga ({role}) nima dostopa do omrežja SIENA. SIENA povezuje Europol, nacionalne enote za Europol in druge organe pregona držav članic ter partnerje, s katerimi ima Europol sporazume. Informacije raje posredujte z neposrednim stikom.",
    },
    "reason.not_on_siena": {
        "en": "{actor} cannot be reached through SIENA. Contact it directly instead.",
        "sl": "prek omrežja SIENA ni mogoče doseči: {actor}. Uporabite neposredni stik.",
    },
    "reason.no_direct_self": {
        "en": "{role} does not pass information on by direct contact in this scenario.",
        "sl": "vaša vloga ({role}) v tem scenariju ne posreduje informacij z neposrednim stikom.",
    },
    "reason.no_direct": {
        "en": "{actor} takes no direct contacts; it is reached through another channel.",
        "sl": "z neposrednim stikom ni mogoče doseči: {actor}. Uporabite drugo pot.",
    },
    "reason.unknown_fact_id": {
        "en": "there is no fact “{fact_id}” in this scenario.",
        "sl": "v tem scenariju ni podatka »{fact_id}«.",
    },
    "reason.unknown_fact": {
        "en": "you do not know “{fact}” yet. Facts reach you through your own work and through others.",
        "sl": "podatka »{fact}« še ne poznate. Podatke dobite s svojim delom in od drugih.",
    },
    "reason.handling_h2": {
        "en": "you received “{fact}” from {provider} under handling code H2: it may not be passed on without the provider's permission. Ask {provider} for permission first.",
        "sl": "podatek »{fact}« ste prejeli z oznako H2 (zagotovitelj: {provider}): brez dovoljenja zagotovitelja ga ne smete deliti z drugimi. Najprej zagotovitelja prosite za dovoljenje.",
    },
    "reason.handling_h1": {
        "en": "you received “{fact}” from {provider} under handling code H1: it may not be disclosed for judicial proceedings without the provider's permission. Ask {provider} for permission first.",
        "sl": "podatek »{fact}« ste prejeli z oznako H1 (zagotovitelj: {provider}): brez dovoljenja zagotovitelja ga ne smete razkriti v sodnem postopku. Najprej zagotovitelja prosite za dovoljenje.",
    },
    "reason.bad_code": {
        "en": "“{value}” is not a valid {what} code.",
        "sl": "»{value}« ni veljavna vrednost za »{what}«.",
    },
    "reason.no_open_request": {
        "en": "request number {id} is not waiting for a decision.",
        "sl": "zahteva št. {id} ne čaka na odločitev.",
    },
    "reason.not_your_request": {
        "en": "request number {id} was made to another role: its group decides.",
        "sl": "zahteva št. {id} je bila poslana drugi vlogi: o njej odloča njena skupina.",
    },
    "reason.decision_needs_words": {
        "en": "say why you refuse, or what more you need: the asking group reads it.",
        "sl": "navedite, zakaj zavračate ali kaj še potrebujete: skupina, ki je prosila, bo to prebrala.",
    },
    "reason.unknown_message": {
        "en": "there is no message number {id}.",
        "sl": "sporočila št. {id} ni.",
    },
    "reason.unknown_service": {
        "en": "{agency} offers no “{service}”. It offers: {services}.",
        "sl": "storitev »{service}« ni na voljo (akter: {agency}). Na voljo so: {services}.",
    },
    "reason.wrong_channel": {
        "en": "a request for “{service}” travels by {channel}, which {role} does not use. Roles that can make it: {who}.",
        "sl": "zahteva »{service}« poteka po tej poti: {channel}; vaša vloga ({role}) je ne uporablja. Vloge, ki jo lahko podajo: {who}.",
    },
    "reason.needs_target": {
        "en": "this is done on a fact of this kind: {kinds}. Name one you know.",
        "sl": "potreben je podatek ene od teh vrst: {kinds}. Navedite podatek, ki ga poznate.",
    },
    "reason.wrong_target": {
        "en": "“{fact}” is not of the right kind ({kinds}).",
        "sl": "podatek »{fact}« ni ustrezne vrste (potrebna vrsta: {kinds}).",
    },
    "reason.no_target_needed": {
        "en": "“{service}” is not done on a particular fact; leave the fact out.",
        "sl": "za »{service}« ni treba navesti podatka; izpustite ga.",
    },
    "reason.unknown_action": {
        "en": "there is no action “{action}” for your role.",
        "sl": "vaša vloga nima dejanja »{action}«.",
    },
    "reason.action_done_once": {
        "en": "“{action}” has already been done.",
        "sl": "dejanje »{action}« je že opravljeno.",
    },
    "reason.action_unavailable": {
        "en": "“{action}” is not possible at this moment.",
        "sl": "dejanje »{action}« trenutno ni mogoče.",
    },
    "reason.no_restriction": {
        "en": "“{fact}” carries no handling restriction from another provider; no permission is needed.",
        "sl": "za podatek »{fact}« ne velja omejitev drugega zagotovitelja; dovoljenje ni potrebno.",
    },
    "reason.permission_pending": {
        "en": "you have already asked for permission to pass on “{fact}”.",
        "sl": "za dovoljenje za posredovanje podatka »{fact}« ste že zaprosili.",
    },
    "reason.consent_not_asked": {
        "en": "nobody has yet asked {person} whether “{fact}” may be passed on. Ask first; consent must be freely given, specific, informed and unambiguous.",
        "sl": "nihče še ni vprašal, ali se podatek »{fact}« sme posredovati (oseba, na katero se nanaša: {person}). Najprej vprašajte; privolitev mora biti prostovoljna, specifična, informirana in nedvoumna.",
    },
    "reason.consent_scope": {
        "en": "“{fact}” may be passed on only as {person} agreed: {purpose} {actor} is not among those agreed to.",
        "sl": "podatek »{fact}« se sme posredovati le tako, kot je privolila oseba, na katero se nanaša ({person}): {purpose} Prejemnik {actor} ni med tistimi, v katere je privolila.",
    },
    "reason.distrust": {
        "en": "{actor} takes no more requests from you: its information was passed on, or nearly, without its permission.",
        "sl": "partner {actor} ne sprejema več vaših zahtev, ker so bile njegove informacije posredovane (ali skoraj posredovane) brez njegovega dovoljenja.",
    },
    "reason.action_unavailable_why": {
        "en": "“{action}” is not possible yet: {why}.",
        "sl": "dejanje »{action}« še ni mogoče: {why}.",
    },
    "reason.action_unavailable_because": {
        "en": "“{action}” is not possible yet. {why}",
        "sl": "dejanje »{action}« še ni mogoče. {why}",
    },
    "reason.why_after_event": {
        "en": "it becomes possible after this event: {inject}",
        "sl": "mogoče postane po tem dogodku: {inject}",
    },
    "reason.why_before_event": {
        "en": "it was possible only before this event: {inject}",
        "sl": "mogoče je bilo le pred tem dogodkom: {inject}",
    },
    "reason.why_done_before": {
        "en": "it is no longer possible once “{action}” is done",
        "sl": "ni več mogoče, ko je opravljeno dejanje »{action}«",
    },
    "reason.why_needs_fact": {
        "en": "you first need “{fact}” on your case board",
        "sl": "najprej potrebujete podatek »{fact}« na tabli primera",
    },
    "reason.why_actor_needs_fact": {
        "en": "{actor} first needs “{fact}”",
        "sl": "prejemnik {actor} najprej potrebuje podatek »{fact}«",
    },
    "reason.why_after_step": {
        "en": "first do “{action}”",
        "sl": "najprej opravite dejanje »{action}«",
    },
    "reason.why_after_objective": {
        "en": "first this must be reached: {objective}",
        "sl": "najprej mora biti doseženo tole: {objective}",
    },
    "reason.why_from_turn": {
        "en": "it becomes possible at turn {turn}",
        "sl": "mogoče postane v potezi {turn}",
    },
    "reason.why_until_turn": {
        "en": "it was possible only until turn {turn}",
        "sl": "mogoče je bilo le do poteze {turn}",
    },
    "reason.why_not_your_role": {
        "en": "it is not a step for your role in this case",
        "sl": "to ni korak za vašo vlogo v tem primeru",
    },
    "reason.why_not_yet": {
        "en": "the case has not reached the point where it makes sense",
        "sl": "primer še ni prišel do točke, ko bi bilo to smiselno",
    },
    # --- score reasons -----------------------------------------------------------------------
    "reason.need_met": {
        "en": "{actor} now has “{fact}”, which it needed.",
        "sl": "podatek »{fact}« je prišel do prejemnika, ki ga potrebuje: {actor}.",
    },
    "reason.need_met_self": {
        "en": "you now have “{fact}”, which you needed.",
        "sl": "zdaj imate podatek »{fact}«, ki ste ga potrebovali.",
    },
    "reason.need_to_know": {
        "en": "personal data (“{fact}”) went to {actor}, which did not need it.",
        "sl": "osebni podatki (»{fact}«) so bili poslani prejemniku, ki jih ne potrebuje: {actor}.",
    },
    "grade.fits": {
        "en": "“{fact}”: {code} fits. {why}",
        "sl": "»{fact}«: ustreza ocena {code}. {why}",
    },
    "grade.received": {
        "en": "“{fact}”: {provider} sent it graded {code}; pass it on with that grade.",
        "sl": "»{fact}«: pošiljatelj {provider} ga je poslal z oceno {code}; posredujte ga z isto oceno.",
    },
    "grade.received_ungraded": {
        "en": "“{fact}”: {provider} sent it without a grade; grade it only as far as you can judge.",
        "sl": "»{fact}«: pošiljatelj {provider} ga je poslal brez ocene; ocenite ga le, kolikor lahko presodite sami.",
    },
    "reason.graded_right": {
        "en": "you graded the message {given}, as its information deserves.",
        "sl": "sporočilo ste ocenili z oceno {given}, kakor si informacije zaslužijo.",
    },
    "reason.graded_wrong": {
        "en": "you graded “{fact}” {given}, but {fits} fits it: {why}",
        "sl": "podatek »{fact}« ste ocenili z oceno {given}, ustreza pa mu {fits}: {why}",
    },
    "source.evaluation": {
        "en": "Europol Regulation (EU) 2016/794, Art 29: the 4x4 evaluation of source and information",
        "sl": "Uredba (EU) 2016/794 (Uredba o Europolu), 29. člen: ocena vira in informacije po sistemu 4 x 4",
    },
    # --- events ------------------------------------------------------------------------------
    "event.turn_started": {
        "en": "Turn {turn} begins: {date}.",
        "sl": "Začetek poteze {turn}: {date}.",
    },
    "event.sent.message": {
        "en": "SIENA message #{id} sent to {to}{facts}.",
        "sl": "Sporočilo SIENA št. {id} je poslano (prejemniki: {to}){facts}.",
    },
    "event.sent.share": {
        "en": "You contacted {to} directly{facts}.",
        "sl": "Vzpostavili ste neposredni stik (prejemnik: {to}){facts}.",
    },
    "event.sent.request": {
        "en": "Request sent to {to}: {service}{facts}.",
        "sl": "Zahteva »{service}« je poslana (prejemnik: {to}){facts}.",
    },
    "event.sent.reply": {
        "en": "Your answer #{id} sent to {to}.",
        "sl": "Vaš odgovor št. {id} je poslan (prejemnik: {to}).",
    },
    "event.sent.permission": {
        "en": "You asked {to} for permission to pass on{facts}.",
        "sl": "Zaprosili ste za dovoljenje za posredovanje podatka:{facts} (prejemnik prošnje: {to}).",
    },
    "event.with_facts": {"en": ", attaching {facts}", "sl": ", posredovani podatki: {facts}"},
    "event.received": {
        "en": "Message #{id} from {sender}: {body}",
        "sl": "Sporočilo št. {id} (pošiljatelj: {sender}): {body}",
    },
    "event.received_facts": {
        "en": "Attached: {facts} (handling {handling}, evaluation {evaluation}).",
        "sl": "Priloženo: {facts} (oznaka za ravnanje: {handling}; ocena: {evaluation}).",
    },
    "event.learned": {
        "en": "New on your case board: {facts}.",
        "sl": "Novo med znanimi podatki: {facts}.",
    },
    "event.action_done": {"en": "Done: {action}.", "sl": "Opravljeno: {action}."},
    "event.inject": {"en": "EVENT: {title}. {text}", "sl": "DOGODEK: {title}. {text}"},
    "event.objective_met": {
        "en": "Objective reached: {objective}",
        "sl": "Cilj dosežen: {objective}",
    },
    "event.permission": {
        "en": "{provider} gives permission to pass on “{fact}”.",
        "sl": "{provider}: dovoljenje za posredovanje podatka »{fact}« je odobreno.",
    },
    "event.score": {
        "en": "{pillar} {delta:+d}: {reason}",
        "sl": "{pillar} {delta:+d}: {reason}",
    },
    "event.ended": {
        "en": "THE END: {title} ({rating}). {text}",
        "sl": "KONEC: {title} ({rating}). {text}",
    },
    "event.score_short": {"en": "{pillar} {delta:+d}.", "sl": "{pillar} {delta:+d}."},
    "source.handling": {
        "en": "Council Manual on Law Enforcement Information Exchange (doc. 6261/18), handling codes; Europol Regulation (EU) 2016/794, Art 19",
        "sl": "Priročnik Sveta o izmenjavi informacij med organi pregona (dok. 6261/18), oznake za ravnanje; Uredba (EU) 2016/794 (Uredba o Europolu), 19. člen",
    },
    "source.siena": {
        "en": "Europol Regulation (EU) 2016/794, Art 7 (Europol National Units)",
        "sl": "Uredba (EU) 2016/794 (Uredba o Europolu), 7. člen (nacionalne enote za Europol)",
    },
    "source.channel": {
        "en": "Europol, Interpol and Eurojust each work through their own national contact points",
        "sl": "Europol, Interpol in Eurojust delujejo vsak prek svojih nacionalnih kontaktnih točk",
    },
    "source.need_to_know": {
        "en": "Need-to-know: Council Decision 2013/488/EU, Art 7; purpose limitation: Law Enforcement Directive (EU) 2016/680",
        "sl": "Načelo potrebe po seznanitvi: Sklep Sveta 2013/488/EU, 7. člen; omejitev namena: Direktiva (EU) 2016/680 o varstvu podatkov pri kazenskem pregonu",
    },
    "source.consent.law_enforcement": {
        "en": "Law Enforcement Directive (EU) 2016/680, Art 4(1)(b) and (c): purpose limitation and data minimisation",
        "sl": "Direktiva (EU) 2016/680 o varstvu podatkov pri kazenskem pregonu, točki (b) in (c) prvega odstavka 4. člena: omejitev namena in najmanjši obseg podatkov",
    },
    "source.consent.gdpr": {
        "en": "GDPR (Regulation (EU) 2016/679), Art 5(1)(b) and (c): purpose limitation and data minimisation; Art 6(1)(a) and Art 7: consent",
        "sl": "Splošna uredba o varstvu podatkov (Uredba (EU) 2016/679), točki (b) in (c) prvega odstavka 5. člena: omejitev namena in najmanjši obseg podatkov; točka (a) prvega odstavka 6. člena in 7. člen: privolitev",
    },
    "source.consent.un": {
        "en": "UN Personal Data Protection and Privacy Principles (2018): purpose specification, proportionality and necessity",
        "sl": "Načela OZN o varstvu osebnih podatkov in zasebnosti (2018): opredelitev namena, sorazmernost in nujnost",
    },
    "source.need_to_know.law_enforcement": {
        "en": "Need-to-know: Council Decision 2013/488/EU, Art 7; purpose limitation: Law Enforcement Directive (EU) 2016/680, Art 4(1)(b)",
        "sl": "Načelo potrebe po seznanitvi: Sklep Sveta 2013/488/EU, 7. člen; omejitev namena: Direktiva (EU) 2016/680 o varstvu podatkov pri kazenskem pregonu, točka (b) prvega odstavka 4. člena",
    },
    "source.need_to_know.gdpr": {
        "en": "GDPR (Regulation (EU) 2016/679), Art 5(1)(b) and (c): purpose limitation and data minimisation",
        "sl": "Splošna uredba o varstvu podatkov (Uredba (EU) 2016/679), točki (b) in (c) prvega odstavka 5. člena: omejitev namena in najmanjši obseg podatkov",
    },
    "source.need_to_know.un": {
        "en": "UN Personal Data Protection and Privacy Principles (2018): purpose specification, proportionality and necessity",
        "sl": "Načela OZN o varstvu osebnih podatkov in zasebnosti (2018): opredelitev namena, sorazmernost in nujnost",
    },
    "tui.trust_reduced": {
        "en": "Trusts you less: its information was passed on, or nearly, without its permission. It now answers a turn later.",
        "sl": "Vam manj zaupa, ker so bile njegove informacije posredovane ali skoraj posredovane brez njegovega dovoljenja. Zdaj odgovarja eno potezo pozneje.",
    },
    "tui.trust_refuses": {
        "en": "No longer trusts you: its information was passed on, or nearly, without its permission more than once. It takes no more requests, and answers two turns later.",
        "sl": "Vam ne zaupa več, ker so bile njegove informacije večkrat posredovane ali skoraj posredovane brez njegovega dovoljenja. Ne sprejema več zahtev, odgovarja pa dve potezi pozneje.",
    },
    "event.trust_lost": {
        "en": "{actor} learns that its information (“{fact}”) was passed on, or nearly, without its permission. From now on it answers you later.",
        "sl": "Partner {actor} izve, da so bile njegove informacije (»{fact}«) posredovane ali skoraj posredovane brez njegovega dovoljenja. Odslej vam bo odgovarjal pozneje.",
    },
    "event.trust_lost_refuses": {
        "en": "{actor} learns again that its information (“{fact}”) was passed on, or nearly, without its permission. It takes no more requests from you.",
        "sl": "Partner {actor} znova izve, da so bile njegove informacije (»{fact}«) posredovane ali skoraj posredovane brez njegovega dovoljenja. Vaših zahtev ne sprejema več.",
    },
    "permission.granted": {
        "en": "Permission granted: you may pass this information on to those who need it, for the purpose of this case. Keep its handling code.",
        "sl": "Dovoljenje je odobreno: informacijo lahko posredujete tistim, ki jo potrebujejo, za namen tega primera. Oznaka za ravnanje še naprej velja.",
    },
    "event.rated": {
        "en": "Rated {rating}, not {plot}, because:",
        "sl": "Ocena: {rating} in ne {plot}, ker:",
    },
    "rating.cost.handling": {
        "en": "a partner's restricted information was passed on, or nearly, without its permission ({count}). In a real case that partner shares less, later and under stricter codes.",
        "sl": "informacije partnerja z omejitvijo so bile posredovane ali skoraj posredovane brez njegovega dovoljenja ({count}). V resničnem primeru bi ta partner delil manj, pozneje in s strožjimi oznakami.",
    },
    "rating.cost.consent": {
        "en": "a victim's account went, or nearly went, where the victim had not agreed ({count}). In a real case that means a data-protection complaint, and a victim who stops trusting those who help.",
        "sl": "pripoved žrtve je šla ali skoraj šla tja, kamor ni privolila ({count}). V resničnem primeru to pomeni pritožbo zaradi varstva podatkov in žrtev, ki ne zaupa več tistim, ki ji pomagajo.",
    },
    "rating.cost.need_to_know": {
        "en": "personal data went to those who did not need it ({count}). Data passed on without a lawful purpose can be challenged in court and cannot be called back.",
        "sl": "osebni podatki so šli k prejemnikom, ki jih ne potrebujejo ({count}). Podatke, posredovane brez zakonitega namena, je mogoče izpodbijati na sodišču in jih ni mogoče priklicati nazaj.",
    },
    "rating.cost.pillars": {
        "en": "below {floor} at the end: {pillars}. The outcome rests on weak practice.",
        "sl": "pod {floor} točkami ob koncu: {pillars}. Izid sloni na šibki praksi.",
    },
    "rating.cost.no_exchange": {
        "en": "you exchanged nothing with anyone yourself: the scripted partners did the cooperating.",
        "sl": "sami niste ničesar izmenjali z nikomer: sodelovanje so opravili partnerji, ki jih vodi igra.",
    },
    "rating.cost.few_exchanges": {
        "en": "you made {count} exchanges of your own (messages, contacts, requests, permissions); the best rating needs {floor}.",
        "sl": "opravili ste {count} lastnih izmenjav (sporočila, stiki, zahteve, dovoljenja); za najboljšo oceno jih je potrebnih {floor}.",
    },
    "event.source": {"en": "Source: {source}", "sl": "Vir: {source}"},
    # --- plain mode ----------------------------------------------------------------------------
    "plain.not_now": {"en": "(not now: {why})", "sl": "(zdaj ne: {why})"},
    "plain.content_note": {"en": "Content note: {note}", "sl": "Opozorilo o vsebini: {note}"},
    "plain.you_play": {"en": "You play: {role}.", "sl": "Vaša vloga: {role}."},
    "plain.special_task": {"en": "Your special task: {task}", "sl": "Vaša posebna naloga: {task}"},
    "plain.intro_help": {
        "en": "Type 'help' for the commands, 'status' for where you stand, 'end' to end a turn.",
        "sl": "Vpišite »help« za seznam ukazov, »status« za trenutno stanje in »end« za konec poteze.",
    },
    "plain.input_ended": {
        "en": "End of input. The game is saved; resume it later with the same save file.",
        "sl": "Konec vnosa. Igra je shranjena; pozneje jo lahko nadaljujete z isto datoteko.",
    },
    "plain.bad_quotes": {
        "en": 'A quotation mark is not closed. Put text with spaces in "double quotes".',
        "sl": 'Narekovaj ni zaprt. Besedilo s presledki dajte med dvojne narekovaje, na primer subject="Nočni kombi".',
    },
    "plain.unknown_command": {
        "en": "There is no command '{command}'.{hint} Type 'help' for the list.",
        "sl": "Ukaza »{command}« ni.{hint} Za seznam ukazov vpišite »help«.",
    },
    "plain.did_you_mean": {"en": " Did you mean '{word}'?", "sl": " Ste mislili »{word}«?"},
    "plain.cost": {"en": "{n} AP", "sl": "akcijske točke: {n}"},
    "plain.usage": {"en": "Usage: {usage}", "sl": "Uporaba: {usage}"},
    "plain.kept_finished": {
        "en": 'The finished game is kept for review. Its report: trafficking-sim debrief "{path}"',
        "sl": 'Končana igra je shranjena za pregled. Poročilo: trafficking-sim debrief "{path}"',
    },
    "plain.save_failed": {
        "en": "Could not save to {path}: {error}",
        "sl": "Shranjevanje v {path} ni uspelo: {error}",
    },
    "plain.final_scores": {"en": "Final scores:", "sl": "Končni rezultati:"},
    "plain.thanks": {
        "en": "Thank you for playing. Talk the game through with your trainer or group.",
        "sl": "Hvala za igro. O njenem poteku se pogovorite z izvajalcem usposabljanja ali s skupino.",
    },
    "plain.unknown_actor": {
        "en": "There is no actor “{actor}”.{hint} Actors: {actors}.",
        "sl": "Akterja »{actor}« ni.{hint} Akterji: {actors}.",
    },
    "plain.unknown_fact": {
        "en": "There is no fact “{fact}”.{hint} Type 'board' for the facts you know.",
        "sl": "Podatka »{fact}« ni.{hint} Z ukazom »board« si ogledate podatke, ki jih poznate.",
    },
    "plain.unknown_option": {
        "en": "Unknown option “{option}”. Options here: {allowed}.",
        "sl": "Neznana možnost »{option}«. Dovoljene možnosti: {allowed}.",
    },
    "plain.need_recipient": {"en": "Say whom it is for.", "sl": "Navedite prejemnika."},
    "plain.too_many": {
        "en": "Too many words. Separate several ids with commas, without spaces.",
        "sl": "Preveč besed. Več oznak ločite z vejicami, brez presledkov.",
    },
    "plain.bad_handling": {
        "en": "“{value}” is not a handling code; use H0, H1, H2 or H3 (type 'codes').",
        "sl": "»{value}« ni oznaka za ravnanje; uporabite H0, H1, H2 ali H3 (vpišite »codes«).",
    },
    "plain.bad_eval": {
        "en": "“{value}” is not an evaluation; use a source code A, B, C or X and an information code 1-4, such as B2 (type 'codes').",
        "sl": "»{value}« ni veljavna ocena; uporabite oznako vira A, B, C ali X in oznako informacije od 1 do 4, na primer B2 (vpišite »codes«).",
    },
    "plain.bad_number": {
        "en": "“{value}” is not a message number.",
        "sl": "»{value}« ni številka sporočila.",
    },
    "plain.need_service": {
        "en": "Say which agency and which service.",
        "sl": "Navedite agencijo in storitev.",
    },
    "plain.unknown_service": {
        "en": "There is no service '{service}' here.{hint} Services: {services}.",
        "sl": "Storitve »{service}« tukaj ni.{hint} Storitve: {services}.",
    },
    "plain.need_action": {
        "en": "Say which action (type 'actions').",
        "sl": "Navedite dejanje (vpišite »actions«).",
    },
    "plain.unknown_my_action": {
        "en": "Your role has no action “{action}”.{hint} Yours: {actions}.",
        "sl": "Vaša vloga nima dejanja »{action}«.{hint} Vaša dejanja: {actions}.",
    },
    "plain.need_fact": {"en": "Name one fact.", "sl": "Navedite en podatek."},
    "plain.need_actor": {"en": "Name one actor.", "sl": "Navedite enega akterja."},
    "plain.need_number": {"en": "Give a message number.", "sl": "Navedite številko sporočila."},
    "plain.need_lang": {
        "en": "Use 'lang en' or 'lang sl'.",
        "sl": "Uporabite »lang en« ali »lang sl«.",
    },
    "plain.lang_set": {"en": "Language: English.", "sl": "Jezik: slovenščina."},
    "plain.help_intro": {
        "en": "Commands (information costs nothing; actions cost action points):",
        "sl": "Ukazi (ogled informacij je brezplačen, dejanja porabijo akcijske točke):",
    },
    "plain.status": {
        "en": "Turn {turn} of {max} ({date}). Action points left: {ap}. You play: {role}.",
        "sl": "Poteza {turn} od {max} ({date}). Preostale akcijske točke: {ap}. Vaša vloga: {role}.",
    },
    "plain.pending": {"en": "Replies on their way: {n}.", "sl": "Pričakovani odgovori: {n}."},
    "plain.board_empty": {"en": "Your case board is empty.", "sl": "Znanih podatkov še ni."},
    "plain.own_work": {"en": "your own work", "sl": "vaše delo"},
    "plain.turn_n": {"en": "turn {n}", "sl": "poteza {n}"},
    "plain.fact_unknown": {
        "en": "You do not know “{fact}” yet.",
        "sl": "Podatka »{fact}« še ne poznate.",
    },
    "plain.directory_more": {
        "en": "Type 'actor ID' for what each one does, cannot do, and the requests it takes.",
        "sl": "Z ukazom »actor OZNAKA« izveste, kaj posamezni akter dela, česa ne more in katere zahteve sprejema.",
    },
    "plain.channels": {"en": "Reached by: {channels}.", "sl": "Poti za stik: {channels}."},
    "plain.delays": {
        "en": "Answers in {normal}; urgent requests in {urgent}.",
        "sl": "Čas odgovora: {normal}, za nujne zahteve {urgent}.",
    },
    "plain.no_actions": {
        "en": "Your role has no actions of its own here.",
        "sl": "Vaša vloga tu nima lastnih dejanj.",
    },
    "plain.no_messages": {"en": "No messages.", "sl": "Ni sporočil."},
    "plain.no_such_message": {"en": "You have no message #{n}.", "sl": "Sporočila št. {n} nimate."},
    "plain.msg_head": {
        "en": "Message #{id} ({channel}) from {sender} to {to}, {date}",
        "sl": "Sporočilo št. {id} ({channel}), pošiljatelj: {sender}, prejemniki: {to}, {date}",
    },
    "plain.msg_case": {
        "en": "Case {case}, thread #{thread}, priority: {priority}",
        "sl": "Primer {case}, nit št. {thread}, prioriteta: {priority}",
    },
    "plain.msg_subject": {"en": "Subject: {subject}", "sl": "Zadeva: {subject}"},
    "plain.msg_handling": {"en": "Handling code {text}", "sl": "Oznaka za ravnanje {text}"},
    "plain.msg_eval": {
        "en": "Evaluation: source {source}; information {info}",
        "sl": "Ocena: vir {source}; informacija {info}",
    },
    "plain.done": {"en": "done", "sl": "doseženo"},
    "plain.open": {"en": "open", "sl": "odprto"},
    "plain.star_note": {"en": "* your special task", "sl": "* vaša posebna naloga"},
    "plain.codes_handling": {
        "en": "Handling codes (what the recipient may do with the information):",
        "sl": "Oznake za ravnanje (kaj prejemnik sme storiti z informacijo):",
    },
    "plain.codes_eval": {
        "en": "Evaluation (4x4): the source A, B, C or X, then the information 1-4, such as B2:",
        "sl": "Ocena vira in informacije (4 × 4): najprej vir (A, B, C ali X), nato informacija (1–4), na primer B2:",
    },
    "plain.saved": {"en": "Saved to {path}.", "sl": "Igra je shranjena v {path}."},
    "plain.bye": {"en": "The game is saved. Goodbye.", "sl": "Igra je shranjena. Nasvidenje."},
    "plain.choose_role": {
        "en": "Choose your role (number):",
        "sl": "Izberite vlogo (vpišite številko):",
    },
    "help.help": {
        "en": "This list, or the details of one command.",
        "sl": "Ta seznam ali podrobnosti enega ukaza.",
    },
    "help.status": {
        "en": "Turn, date, action points and scores.",
        "sl": "Poteza, datum, akcijske točke in rezultati.",
    },
    "help.board": {
        "en": "Your case board: the facts you know, by kind, with where they came from.",
        "sl": "Znani podatki: kar veste, razvrščeno po vrstah, z navedbo izvora.",
    },
    "help.fact": {
        "en": "The full text of a fact you know.",
        "sl": "Celotno besedilo podatka, ki ga poznate.",
    },
    "help.directory": {
        "en": "The agencies and roles in this case.",
        "sl": "Agencije in vloge v tem primeru.",
    },
    "help.actor": {
        "en": "What one actor does, cannot do, and the requests it takes.",
        "sl": "Kaj akter dela, česa ne more in katere zahteve sprejema.",
    },
    "help.actions": {
        "en": "Your own steps (interviews, checks, searches...).",
        "sl": "Vaši lastni koraki (pogovori, preverjanja, preiskave ...).",
    },
    "help.inbox": {"en": "Messages you received.", "sl": "Prejeta sporočila."},
    "help.outbox": {"en": "Messages you sent.", "sl": "Poslana sporočila."},
    "help.read": {
        "en": "Read a message, with its codes explained.",
        "sl": "Preberite sporočilo z razlago oznak.",
    },
    "help.objectives": {
        "en": "Your objectives and the shared ones.",
        "sl": "Vaši in skupni cilji.",
    },
    "help.codes": {
        "en": "SIENA handling and evaluation codes.",
        "sl": "Oznake SIENA: oznake za ravnanje ter ocena vira in informacije.",
    },
    "help.log": {
        "en": "Everything that has happened so far.",
        "sl": "Vse, kar se je zgodilo doslej.",
    },
    "help.send": {
        "en": "Send a SIENA message (1 action point, 2 if urgent).",
        "sl": "Pošljite sporočilo SIENA (1 akcijska točka, nujno sporočilo 2).",
    },
    "help.share": {
        "en": "Contact an actor directly, passing facts on if you give them.",
        "sl": "Neposredno se obrnite na akterja in mu po želji posredujte podatke.",
    },
    "help.request": {
        "en": "Ask an agency or role for one of its services.",
        "sl": "Agencijo ali vlogo zaprosite za eno od njenih storitev.",
    },
    "help.do": {"en": "Take one of your own steps.", "sl": "Izvedite enega od svojih korakov."},
    "help.permission": {
        "en": "Ask the provider of H1/H2 information for permission to pass it on.",
        "sl": "Zagotovitelja informacije z oznako H1/H2 prosite za dovoljenje za nadaljnje posredovanje.",
    },
    "help.end": {
        "en": "End the turn: replies arrive, time moves on.",
        "sl": "Končajte potezo: prispejo odgovori, čas teče naprej.",
    },
    "help.lang": {"en": "Switch the language.", "sl": "Zamenjajte jezik."},
    "help.save": {
        "en": "Save now (the game also saves after every action).",
        "sl": "Shranite zdaj (igra se shrani tudi po vsakem dejanju).",
    },
    "help.quit": {"en": "Save and stop.", "sl": "Shranite in končajte."},
    # --- the TUI -------------------------------------------------------------------------------
    "crime_area.thb": {"en": "Trafficking in human beings", "sl": "Trgovina z ljudmi"},
    "difficulty.tutorial": {"en": "tutorial", "sl": "uvodna vaja"},
    "difficulty.standard": {"en": "standard", "sl": "standardna"},
    "difficulty.advanced": {"en": "advanced", "sl": "zahtevnejša"},
    "codex.term": {"en": "term", "sl": "pojem"},
    "codex.agency": {"en": "EU agency or body", "sl": "agencija ali organ EU"},
    "codex.organisation": {"en": "organisation", "sl": "organizacija"},
    "codex.instrument": {"en": "legal instrument", "sl": "pravni akt"},
    "codex.tool": {"en": "tool", "sl": "orodje"},
    "codex.principle": {"en": "principle", "sl": "načelo"},
    "key.help": {"en": "Help", "sl": "Pomoč"},
    "key.language": {"en": "Language", "sl": "Jezik"},
    "key.language_short": {"en": "Language", "sl": "Jezik"},
    "key.codex": {"en": "Glossary", "sl": "Slovar"},
    "key.codex_short": {"en": "Glossary", "sl": "Slovar"},
    "key.quit": {"en": "Quit", "sl": "Izhod"},
    "key.quit_q": {"en": "Quit", "sl": "Izhod"},
    "key.contrast": {"en": "High contrast", "sl": "Visok kontrast"},
    "key.new_game": {"en": "New game", "sl": "Nova igra"},
    "key.continue": {"en": "Continue", "sl": "Nadaljuj"},
    "key.review": {"en": "Review", "sl": "Pregled"},
    "key.back": {"en": "Back", "sl": "Nazaj"},
    "key.choose": {"en": "Choose", "sl": "Izberi"},
    "key.start": {"en": "Start", "sl": "Začni"},
    "key.compose": {"en": "Compose", "sl": "Novo sporočilo"},
    "key.steps": {"en": "Your steps", "sl": "Vaši koraki"},
    "key.end_turn": {"en": "End turn", "sl": "Konec poteze"},
    "key.request": {"en": "Request…", "sl": "Zahteva …"},
    "key.permission": {"en": "Ask permission…", "sl": "Prosi za dovoljenje …"},
    "key.siena_view": {"en": "Inbox/outbox/threads", "sl": "Prejeto/poslano/niti"},
    "key.tab_siena": {"en": "SIENA", "sl": "SIENA"},
    "key.tab_partners": {"en": "Partners", "sl": "Partnerji"},
    "key.tab_board": {"en": "Case board", "sl": "Znani podatki"},
    "key.tab_objectives": {"en": "Objectives", "sl": "Cilji"},
    "key.tab_log": {"en": "Log", "sl": "Dnevnik"},
    "key.to_title": {"en": "Title screen", "sl": "Začetni zaslon"},
    "key.back_to_game": {"en": "Back to the game", "sl": "Nazaj v igro"},
    "key.confirm": {"en": "Send / do", "sl": "Pošlji / izvedi"},
    "key.export": {"en": "Export report", "sl": "Izvozi poročilo"},
    "key.cancel": {"en": "Cancel", "sl": "Prekliči"},
    "key.timer": {"en": "Start/pause timer", "sl": "Zaženi/ustavi čas"},
    "key.extend": {"en": "1 minute more", "sl": "1 minuta več"},
    "key.shorten": {"en": "1 minute less", "sl": "1 minuta manj"},
    "key.next_phase": {"en": "Next phase", "sl": "Naslednja faza"},
    "key.previous_phase": {"en": "Previous phase", "sl": "Prejšnja faza"},
    "key.play": {"en": "To the game", "sl": "K igri"},
    "key.league": {"en": "League table", "sl": "Lestvica"},
    "key.trainer_notes": {"en": "Notes", "sl": "Opombe"},
    "key.class_debrief": {"en": "Class debrief", "sl": "Skupna analiza"},
    "key.ready": {"en": "Ready", "sl": "Pripravljeni"},
    "key.trainer_tools": {"en": "Trainer tools", "sl": "Orodja izvajalca"},
    "key.trainer_mode": {"en": "Trainer mode", "sl": "Način za izvajalca"},
    "key.close": {"en": "Close", "sl": "Zapri"},
    "key.yes": {"en": "Yes", "sl": "Da"},
    "cmd.new_game": {"en": "Choose a scenario and a role", "sl": "Izberite scenarij in vlogo"},
    "cmd.review": {
        "en": "Open the debrief of a finished game",
        "sl": "Odprite analizo končane igre",
    },
    "cmd.continue": {
        "en": "Continue the last game from its autosave",
        "sl": "Nadaljujte zadnjo samodejno shranjeno igro",
    },
    "cmd.help": {
        "en": "The keys of this screen and how to play",
        "sl": "Tipke tega zaslona in navodila za igro",
    },
    "cmd.codex": {
        "en": "Terms, agencies and legal instruments",
        "sl": "Pojmi, agencije in pravni akti",
    },
    "cmd.language": {
        "en": "Switch between English and Slovene",
        "sl": "Preklop med angleščino in slovenščino",
    },
    "cmd.contrast": {
        "en": "A high-contrast theme for projectors",
        "sl": "Tema z visokim kontrastom za projektorje",
    },
    "cmd.compose": {"en": "Write a SIENA message", "sl": "Napišite sporočilo SIENA"},
    "cmd.steps": {
        "en": "Interviews, checks, searches and your other steps",
        "sl": "Razgovori, preverjanja, preiskave prostorov in drugi vaši koraki",
    },
    "cmd.end_turn": {
        "en": "Let time move on: replies arrive",
        "sl": "Končajte potezo: čas teče naprej, prispejo odgovori",
    },
    "cmd.request": {
        "en": "Ask the selected partner for a service",
        "sl": "Izbranega partnerja zaprosite za storitev",
    },
    "cmd.permission": {
        "en": "Ask the provider of the selected fact for permission to pass it on",
        "sl": "Zagotovitelja izbranega podatka prosite za dovoljenje za posredovanje",
    },
    "cmd.siena_view": {
        "en": "Show inbox, outbox or threads",
        "sl": "Prikaz prejetih, poslanih ali niti",
    },
    "cmd.to_title": {
        "en": "Back to the title screen (the game is saved)",
        "sl": "Nazaj na začetni zaslon (igra je shranjena)",
    },
    "cmd.tab": {"en": "Show this pane", "sl": "Prikaži ta pogled"},
    # --- the game screen: commands, choosers, time in sight, the briefing (issue 16) ------
    "key.contact": {"en": "Contact directly…", "sl": "Neposredni stik …"},
    "key.reply": {"en": "Reply", "sl": "Odgovori"},
    "key.siena_selected": {"en": "SIENA message…", "sl": "Sporočilo SIENA …"},
    "key.briefing": {"en": "Briefing", "sl": "Uvodna navodila"},
    "key.palette": {"en": "Commands", "sl": "Ukazi"},
    "cmd.contact": {
        "en": "Pass on facts by phone, e-mail or a meeting, to a partner you choose",
        "sl": "Izbranemu partnerju posredujte podatke po telefonu, e-pošti ali na sestanku",
    },
    "cmd.reply": {
        "en": "Answer the message selected on the SIENA pane",
        "sl": "Odgovorite na sporočilo, izbrano v pogledu SIENA",
    },
    "cmd.siena_selected": {
        "en": "A SIENA message to the partner or with the fact selected on screen",
        "sl": "Sporočilo SIENA partnerju ali s podatkom, ki je izbran na zaslonu",
    },
    "cmd.briefing": {
        "en": "The scenario, its content note and your role card, as at the start",
        "sl": "Scenarij, opozorilo o vsebini in vaša vloga, kot na začetku",
    },
    "cmd.quit": {"en": "Save and leave the game", "sl": "Shrani in zapri igro"},
    "tui.f_partner": {"en": "To whom?", "sl": "Komu?"},
    "tui.choose_partner": {
        "en": "Choose the partner first (in the list above).",
        "sl": "Najprej izberite partnerja (na seznamu zgoraj).",
    },
    "tui.request_choose": {"en": "A request: to whom?", "sl": "Zahteva: komu?"},
    "tui.share_choose": {"en": "Direct contact: with whom?", "sl": "Neposredni stik: s kom?"},
    "tui.permission_title": {
        "en": "Ask the provider's permission",
        "sl": "Prošnja zagotovitelju za dovoljenje",
    },
    "tui.permission_explain": {
        "en": "Information received under H1 or H2 is passed on only with its provider's permission. Choose the fact; the request goes to whoever provided it.",
        "sl": "Podatke, prejete z oznako H1 ali H2, smete posredovati le z dovoljenjem zagotovitelja. Izberite podatek; prošnja gre tistemu, ki vam ga je posredoval.",
    },
    "tui.permission_none": {
        "en": "None of the facts you know needs a provider's permission now: nothing you hold is marked H1 or H2 without it.",
        "sl": "Za nobenega od znanih podatkov zdaj ne potrebujete dovoljenja: noben ni označen s H1 ali H2 brez njega.",
    },
    "tui.ask_permission_send": {"en": "Ask for permission", "sl": "Prosi za dovoljenje"},
    "tui.choose_fact": {"en": "Choose a fact first.", "sl": "Najprej izberite podatek."},
    "tui.no_direct": {
        "en": "Your role has no direct contacts in this game.",
        "sl": "Vaša vloga v tej igri nima neposrednih stikov.",
    },
    "tui.choose_message_first": {
        "en": "Choose a message you received (SIENA pane), then reply.",
        "sl": "Izberite prejeto sporočilo (pogled SIENA) in nanj odgovorite.",
    },
    "tui.reply_subject": {"en": "Re: {subject}", "sl": "Odg.: {subject}"},
    "tui.turns_left": {"en": "{turns} left", "sl": "še {turns}"},
    "tui.last_turn": {"en": "the last turn", "sl": "zadnja poteza"},
    "tui.on_the_way": {"en": "On their way: {items}", "sl": "Na poti: {items}"},
    "tui.on_the_way_none": {
        "en": "No replies on their way.",
        "sl": "Nobenega odgovora ni na poti.",
    },
    "tui.due_item": {"en": "{who}, turn {turn}", "sl": "{who}, poteza {turn}"},
    "tui.due_late": {
        "en": "⚠ {who}: too late (turn {turn}, after the last)",
        "sl": "⚠ {who}: prepozno (poteza {turn}, po zadnji)",
    },
    "tui.due_more": {"en": "+{n} more", "sl": "+{n} drugih"},
    "tui.late_warning": {
        "en": "The game ends after turn {max}: the reply from {who} (due in turn {turn}) will not arrive in time.",
        "sl": "Igra se konča po potezi {max}: odgovor ({who}, predviden v potezi {turn}) ne bo prispel pravočasno.",
    },
    "tui.briefing_title": {"en": "Briefing: {title}", "sl": "Uvodna navodila: {title}"},
    "tui.briefing_role": {"en": "Your role: {role}", "sl": "Vaša vloga: {role}"},
    "tui.briefing_again": {
        "en": "The briefing is there again under b (and in ctrl+p).",
        "sl": "Uvodna navodila so znova na voljo s tipko b (in v ctrl+p).",
    },
    "tui.too_small_quit": {
        "en": "F10, q or ctrl+q leaves the game (it is saved).",
        "sl": "Igro zaprete s tipko F10, q ali ctrl+q (igra je shranjena).",
    },
    "tui.step_cost": {"en": "costs {cost}", "sl": "stane {cost}"},
    "tui.exported_both": {
        "en": "The report is written, as HTML and Markdown:\n{files}",
        "sl": "Poročilo je zapisano v obliki HTML in Markdown:\n{files}",
    },
    "tui.tagline": {
        "en": "International cooperation against trafficking in human beings",
        "sl": "Mednarodno sodelovanje v boju proti trgovini z ljudmi",
    },
    "tui.continue": {"en": "Continue the last game", "sl": "Nadaljuj zadnjo igro"},
    "tui.continue_detail": {
        "en": "{scenario} · {role} · actions so far: {actions}",
        "sl": "{scenario} · {role} · dosedanja dejanja: {actions}",
    },
    "tui.continue_more": {
        "en": "Games in progress: {n}. Continue lists them, the newest first.",
        "sl": "Nedokončane igre: {n}. Gumb Nadaljuj jih prikaže, najnovejšo na vrhu.",
    },
    "tui.continue_title": {"en": "Continue a game", "sl": "Nadaljuj igro"},
    "tui.continue_open": {"en": "Continue", "sl": "Nadaljuj"},
    "tui.continue_damaged": {
        "en": "{name} · damaged, cannot be continued",
        "sl": "{name} · poškodovana, ni je mogoče nadaljevati",
    },
    "tui.continue_class": {
        "en": "{scenario} · a class, groups: {groups} · actions so far: {actions}",
        "sl": "{scenario} · razred, skupine: {groups} · dosedanja dejanja: {actions}",
    },
    "tui.new_game": {"en": "New game", "sl": "Nova igra"},
    "tui.select_prompt": {"en": "Choose…", "sl": "Izberite …"},
    "tui.review": {"en": "Review a past game", "sl": "Pregled pretekle igre"},
    "tui.review_title": {
        "en": "Review a past game: choose one to open its debrief",
        "sl": "Pregled pretekle igre: izberite igro, da odprete njeno analizo",
    },
    "tui.review_open": {"en": "Open the debrief", "sl": "Odpri analizo"},
    "tui.review_none": {"en": "No saved games yet.", "sl": "Shranjenih iger še ni."},
    "tui.review_hint": {
        "en": "Every finished game is kept here, newest first.",
        "sl": "Tu so shranjene vse končane igre, najnovejše na vrhu.",
    },
    "tui.review_in_progress": {
        "en": "The game in progress (its autosave).",
        "sl": "Igra, ki še poteka (samodejno shranjena).",
    },
    "tui.review_finished": {"en": "A finished game.", "sl": "Končana igra."},
    "tui.review_actions": {"en": "Actions taken: {n}", "sl": "Število dejanj: {n}"},
    "tui.review_file": {"en": "File: {path}", "sl": "Datoteka: {path}"},
    "tui.review_cannot": {
        "en": "This game cannot be reviewed",
        "sl": "Te igre ni mogoče pregledati",
    },
    "tui.glossary": {"en": "Glossary and legal instruments", "sl": "Slovar in pravni akti"},
    "tui.help": {"en": "Help: how to play", "sl": "Pomoč: kako igrati"},
    "tui.switch_to": {"en": "Language: {language}", "sl": "Jezik: {language}"},
    "tui.quit": {"en": "Quit", "sl": "Izhod"},
    "tui.title_note": {
        "en": "States A, B and C and everyone in the cases are fictional. F1: help",
        "sl": "Države A, B in C ter vse osebe v primerih so izmišljene. F1: pomoč",
    },
    "tui.loading": {"en": "Loading…", "sl": "Nalaganje …"},
    "tui.some_scenarios_broken": {
        "en": "Some scenarios have errors and are not listed; run 'trafficking-sim validate'.",
        "sl": "Nekateri scenariji imajo napake in niso navedeni; zaženite »trafficking-sim validate«.",
    },
    "tui.choose_scenario": {"en": "Choose a scenario", "sl": "Izberite scenarij"},
    "tui.choose": {"en": "Choose", "sl": "Izberi"},
    "tui.back": {"en": "Back", "sl": "Nazaj"},
    "tui.close": {"en": "Close", "sl": "Zapri"},
    "tui.difficulty": {"en": "Level: {level}", "sl": "Zahtevnost: {level}"},
    "tui.duration": {"en": "About {minutes} minutes", "sl": "Približno {minutes} minut"},
    "tui.roles_offered": {"en": "Roles: {roles}", "sl": "Vloge: {roles}"},
    "tui.content_note": {"en": "Content note: {note}", "sl": "Opozorilo o vsebini: {note}"},
    "tui.choose_role": {"en": "{scenario}: choose your role", "sl": "{scenario}: izberite vlogo"},
    "tui.start": {"en": "Start", "sl": "Začni"},
    "tui.you_can": {"en": "What you can do:", "sl": "Kaj lahko storite:"},
    "tui.you_cannot": {"en": "What you cannot do:", "sl": "Česa ne morete storiti:"},
    "tui.channels": {"en": "Your channels: {channels}", "sl": "Vaše poti: {channels}"},
    "tui.special_task": {"en": "Your special task: {task}", "sl": "Vaša posebna naloga: {task}"},
    "tui.why_others": {
        "en": "Why you need the others: {text}",
        "sl": "Zakaj potrebujete druge: {text}",
    },
    "tui.hints": {"en": "Hints:", "sl": "Namigi:"},
    "tui.tab_siena": {"en": "SIENA", "sl": "SIENA"},
    "tui.tab_partners": {"en": "Partners", "sl": "Partnerji"},
    "tui.tab_board": {"en": "Case board", "sl": "Znani podatki"},
    "tui.tab_objectives": {"en": "Objectives", "sl": "Cilji"},
    "tui.tab_log": {"en": "Log", "sl": "Dnevnik"},
    "tui.status_line": {
        "en": "Turn {turn}/{max} · {date} · Action points {dots} {ap}/{total} · You: {role}",
        "sl": "Poteza {turn}/{max} · {date} · Akcijske točke {dots} {ap}/{total} · Vi: {role}",
    },
    "tui.status_case": {
        "en": "Case {reference} · {case} · {left}",
        "sl": "Primer {reference} · {case} · {left}",
    },
    "tui.case_open": {
        "en": "open, objectives reached {met}/{total}",
        "sl": "odprt, doseženi cilji {met}/{total}",
    },
    "tui.case_closed": {"en": "closed: {title} ({rating})", "sl": "zaključen: {title} ({rating})"},
    "tui.siena_inbox": {
        "en": "Inbox: {n} (newest first)",
        "sl": "Prejeto: {n} (najnovejše najprej)",
    },
    "tui.siena_outbox": {
        "en": "Outbox: {n} (newest first)",
        "sl": "Poslano: {n} (najnovejše najprej)",
    },
    "tui.siena_threads": {"en": "Threads by case", "sl": "Niti po primerih"},
    "tui.show_inbox": {"en": "Show inbox (v)", "sl": "Prikaži prejeto (v)"},
    "tui.show_outbox": {"en": "Show outbox (v)", "sl": "Prikaži poslano (v)"},
    "tui.show_threads": {"en": "Show threads (v)", "sl": "Prikaži niti (v)"},
    "tui.compose": {"en": "Compose", "sl": "Novo sporočilo"},
    "tui.reply": {"en": "Reply", "sl": "Odgovori"},
    "tui.no_messages": {"en": "No messages yet.", "sl": "Še ni sporočil."},
    "tui.thread": {"en": "— thread #{n} · case {case} —", "sl": "— nit št. {n} · primer {case} —"},
    "tui.siena_help": {
        "en": "Messages you send and receive appear here: SIENA messages, direct contacts, requests and replies. ● marks a message you have not read; ◀ came in, ▶ went out.",
        "sl": "Tu so sporočila, ki jih pošljete in prejmete: sporočila SIENA, neposredni stiki, zahteve in odgovori. ● označuje neprebrano sporočilo; ◀ prejeto, ▶ poslano.",
    },
    "tui.msg_from": {"en": "From: {who}", "sl": "Od: {who}"},
    "tui.msg_to": {"en": "To: {who}", "sl": "Za: {who}"},
    "tui.msg_when": {"en": "Date: {date} (turn {turn})", "sl": "Datum: {date} (poteza {turn})"},
    "tui.msg_channel": {"en": "Channel: {channel}", "sl": "Pot: {channel}"},
    "tui.msg_case": {
        "en": "Case: {case} · thread #{thread} · crime area: {area}",
        "sl": "Primer: {case} · nit št. {thread} · področje kriminalitete: {area}",
    },
    "tui.msg_priority": {"en": "Priority: {priority}", "sl": "Prioriteta: {priority}"},
    "tui.msg_subject": {"en": "Subject: {subject}", "sl": "Zadeva: {subject}"},
    "tui.msg_handling": {"en": "Handling code {text}", "sl": "Oznaka za ravnanje {text}"},
    "tui.msg_evaluation": {"en": "Evaluation: {code}", "sl": "Ocena: {code}"},
    "tui.msg_attached": {"en": "Attached facts:", "sl": "Priloženi podatki:"},
    "tui.partners_heading": {"en": "Agencies and partners", "sl": "Agencije in partnerji"},
    "tui.request": {"en": "Request…", "sl": "Zahteva …"},
    "tui.contact": {"en": "Contact directly…", "sl": "Neposredni stik …"},
    "tui.siena_to": {"en": "SIENA message…", "sl": "Sporočilo SIENA …"},
    "tui.played_by_rules": {
        "en": "(a role played by the computer in this game)",
        "sl": "(vloga, ki jo v tej igri igra računalnik)",
    },
    "tui.cannot_do": {"en": "What it cannot do:", "sl": "Česa ne more storiti:"},
    "tui.reached_by": {
        "en": "How to reach it (✔ you can use it, ✘ you cannot):",
        "sl": "Poti za stik (✔ lahko jo uporabite, ✘ ne morete):",
    },
    "tui.answers_in": {
        "en": "Answers in {normal}; urgent requests in {urgent}.",
        "sl": "Čas odgovora: {normal}, za nujne zahteve {urgent}.",
    },
    "tui.requests_taken": {
        "en": "Requests it takes (✔ you can make it, ✘ not by your channels):",
        "sl": "Zahteve, ki jih sprejema (✔ lahko jo podate, ✘ ne po vaših poteh):",
    },
    "tui.channel_legend": {
        "en": "In the list: S SIENA, I Interpol I-24/7, D direct contact, J judicial cooperation.",
        "sl": "V seznamu: S SIENA, I Interpol I-24/7, D neposredni stik, J pravosodno sodelovanje.",
    },
    "tui.choose_partner_first": {
        "en": "Choose a partner on the Partners pane first.",
        "sl": "Najprej v pogledu Partnerji izberite partnerja.",
    },
    "tui.board_heading": {"en": "Facts you know", "sl": "Podatki, ki jih poznate"},
    "tui.board_empty": {"en": "Nothing on your board yet.", "sl": "Znanih podatkov še ni."},
    "tui.board_help": {
        "en": "Facts reach you through your own steps and through others. ⚑ marks personal data.",
        "sl": "Podatki pridejo do vas z vašimi koraki in prek drugih. ⚑ označuje osebne podatke.",
    },
    "tui.ask_permission": {"en": "Ask permission…", "sl": "Prosi za dovoljenje …"},
    "tui.send_fact": {"en": "Send via SIENA…", "sl": "Sporočilo SIENA …"},
    "tui.share_fact": {"en": "Share directly…", "sl": "Neposredni stik …"},
    "tui.fact_origin": {
        "en": "From: {origin}, turn {turn} ({date})",
        "sl": "Izvor: {origin}, poteza {turn} ({date})",
    },
    "tui.permission_granted": {
        "en": "The provider has allowed you to pass it on.",
        "sl": "Zagotovitelj vam je dovolil, da ga posredujete naprej.",
    },
    "tui.objectives_heading": {
        "en": "Objectives: yours (★ your special task) and the shared ones",
        "sl": "Cilji: vaši (★ vaša posebna naloga) in skupni",
    },
    "tui.scores_heading": {
        "en": "Scores so far (each starts at {start}; the best rating needs {floor} or more in each):",
        "sl": "Ocene doslej (vsaka se začne pri {start}; za najboljšo oceno je potrebnih vsaj {floor} pri vsaki):",
    },
    "tui.last_changes": {"en": "Latest changes:", "sl": "Zadnje spremembe:"},
    "tui.log_all": {"en": "Everything", "sl": "Vse"},
    "tui.log_messages": {"en": "Messages", "sl": "Sporočila"},
    "tui.log_events": {"en": "Events and turns", "sl": "Dogodki in poteze"},
    "tui.log_scores": {"en": "Scores and refusals", "sl": "Ocene in zavrnitve"},
    "tui.log_facts": {"en": "Facts and steps", "sl": "Podatki in koraki"},
    "tui.log_filter": {"en": "Filter by words…", "sl": "Filtriraj po besedah …"},
    "tui.log_more": {
        "en": "… and {n} older entries: narrow the filter to see them.",
        "sl": "… in še starejši vnosi: {n}. Za prikaz zožite filter.",
    },
    "tui.log_empty": {"en": "Nothing yet.", "sl": "Še nič."},
    "tui.turn_short": {"en": "T{n}", "sl": "P{n}"},
    "tui.turn_summary": {"en": "Turn {turn} begins: {date}", "sl": "Začetek poteze {turn}: {date}"},
    "tui.new_message": {"en": "New message", "sl": "Novo sporočilo"},
    "tui.event": {"en": "Event", "sl": "Dogodek"},
    "tui.confirm_end_turn": {
        "en": "You still have {ap} this turn. End the turn anyway?",
        "sl": "V tej potezi imate še {ap}. Želite vseeno končati potezo?",
    },
    "tui.confirm_quit_dialog": {
        "en": "Quit the game? The game is saved, but what you have filled in this dialog is not.",
        "sl": "Želite zapreti program? Igra je shranjena, vnosi v tem oknu pa ne.",
    },
    "tui.yes": {"en": "Yes", "sl": "Da"},
    "tui.no": {"en": "No", "sl": "Ne"},
    "tui.compose_title": {"en": "New SIENA message", "sl": "Novo sporočilo SIENA"},
    "tui.compose_reply": {
        "en": "Reply to message #{n} (SIENA)",
        "sl": "Odgovor na sporočilo št. {n} (SIENA)",
    },
    "tui.f_to": {"en": "Recipients (space to choose):", "sl": "Prejemniki (izbira s preslednico):"},
    "tui.f_subject": {"en": "Subject:", "sl": "Zadeva:"},
    "tui.f_case": {
        "en": "Case: {case}, {title} · crime area: {area}",
        "sl": "Primer: {case}, {title} · področje kriminalitete: {area}",
    },
    "tui.f_body": {"en": "Text:", "sl": "Besedilo:"},
    "tui.f_facts": {
        "en": "Facts to attach (⚑ personal data; H1/H2: restricted by their provider):",
        "sl": "Podatki za prilogo (⚑ osebni podatki; H1/H2: omejitev zagotovitelja):",
    },
    "tui.f_handling": {
        "en": "Handling code (what the recipients may do with it):",
        "sl": "Oznaka za ravnanje (kaj smejo prejemniki storiti s sporočilom):",
    },
    "tui.f_h3_note": {"en": "H3: write the restriction here", "sl": "H3: tu zapišite omejitev"},
    "tui.f_eval": {
        "en": "Evaluation of what you attach (4x4: source, information):",
        "sl": "Ocena priloženega (4x4: vir, informacija):",
    },
    "tui.f_source_none": {"en": "Source: not graded", "sl": "Vir: ni ocenjen"},
    "tui.f_source": {"en": "Source: {code}", "sl": "Vir: {code}"},
    "tui.f_info_none": {"en": "Information: not graded", "sl": "Informacija: ni ocenjena"},
    "tui.f_info": {"en": "Information: {code}", "sl": "Informacija: {code}"},
    "tui.f_source_explain": {
        "en": "Source: how reliable is whoever the information comes from?",
        "sl": "Vir: kako zanesljiv je tisti, od katerega informacija izvira?",
    },
    "tui.f_info_explain": {
        "en": "Information: how does the source know it?",
        "sl": "Informacija: kako jo vir pozna?",
    },
    "tui.f_priority": {"en": "Priority:", "sl": "Prioriteta:"},
    "tui.p_normal": {"en": "normal (1 action point)", "sl": "običajna (1 akcijska točka)"},
    "tui.p_urgent": {
        "en": "urgent (1 more action point; faster answer)",
        "sl": "nujna (1 akcijska točka več; hitrejši odgovor)",
    },
    "tui.send": {"en": "Send", "sl": "Pošlji"},
    "tui.cancel": {"en": "Cancel", "sl": "Prekliči"},
    "tui.request_title": {"en": "Request to {actor}", "sl": "Zahteva za: {actor}"},
    "tui.f_service": {"en": "What do you ask for?", "sl": "Kaj zahtevate?"},
    "tui.f_fact": {"en": "About which fact?", "sl": "O katerem podatku?"},
    "tui.f_note": {"en": "Note (optional):", "sl": "Opomba (neobvezno):"},
    "tui.service_terms": {
        "en": "Travels by {channel}; costs {cost}.",
        "sl": "Poteka po poti: {channel}; stane {cost}.",
    },
    "tui.service_needs": {
        "en": "It is about one of these: {kinds}.",
        "sl": "Zadeva lahko: {kinds}.",
    },
    "tui.send_request": {"en": "Send the request", "sl": "Pošlji zahtevo"},
    "tui.share_title": {"en": "Direct contact with {actor}", "sl": "Neposredni stik: {actor}"},
    "tui.share_explain": {
        "en": "A phone call, e-mail or meeting. Choose what you pass on; nothing else leaves your desk.",
        "sl": "Telefonski klic, e-pošta ali sestanek. Izberite, kaj boste posredovali; drugega ne izdate.",
    },
    "tui.share_send": {"en": "Contact", "sl": "Vzpostavi stik"},
    "tui.steps_title": {"en": "Your steps (✔ done already)", "sl": "Vaši koraki (✔ že opravljeno)"},
    "tui.do_step": {"en": "Do it", "sl": "Izvedi"},
    "tui.debrief_title": {"en": "Debrief", "sl": "Analiza po vaji"},
    "tui.not_ended": {"en": "The case is still open.", "sl": "Primer je še odprt."},
    "tui.pillars_heading": {
        "en": "The four pillars, with every gain and loss:",
        "sl": "Štirje stebri z vsemi pridobitvami in izgubami:",
    },
    "tui.no_changes": {"en": "no change", "sl": "brez sprememb"},
    "tui.learning_heading": {
        "en": "Learning objectives (section 7.2):",
        "sl": "Učni cilji (razdelek 7.2):",
    },
    "tui.lo_met": {"en": "met", "sl": "dosežen"},
    "tui.lo_partly": {"en": "partly met", "sl": "delno dosežen"},
    "tui.lo_not_met": {"en": "not met", "sl": "ni dosežen"},
    "tui.questions_heading": {"en": "Questions to discuss:", "sl": "Vprašanja za razpravo:"},
    "tui.to_title": {"en": "Title screen", "sl": "Začetni zaslon"},
    "tui.back_to_game": {"en": "Back to the game", "sl": "Nazaj v igro"},
    "tui.codex_title": {"en": "Glossary and legal instruments", "sl": "Slovar in pravni akti"},
    "tui.codex_search": {"en": "Search…", "sl": "Iskanje …"},
    "tui.codex_nothing": {"en": "Nothing found.", "sl": "Ni zadetkov."},
    "tui.codex_also": {"en": "Also: {names}", "sl": "Tudi: {names}"},
    "tui.codex_see": {"en": "See also: {names}", "sl": "Glej tudi: {names}"},
    "tui.codex_sources": {"en": "Sources:", "sl": "Viri:"},
    "tui.help_title": {"en": "Help", "sl": "Pomoč"},
    "tui.keys_here": {"en": "Keys on this screen:", "sl": "Tipke na tem zaslonu:"},
    "tui.keys_everywhere": {
        "en": "Everywhere: F1 help, F2 language, F3 glossary, F10 or q quit, ctrl+p all commands, ctrl+t high contrast, tab and shift+tab move between fields, the mouse works too.",
        "sl": "Povsod: F1 pomoč, F2 jezik, F3 slovar, F10 ali q izhod, ctrl+p vsi ukazi, ctrl+t visok kontrast, tab in shift+tab za premik med polji; deluje tudi miška.",
    },
    "tui.howto": {
        "en": "How to play: you are one actor in a case that crosses states A, B and C. Each turn you have a few action points. Read your messages (SIENA pane), find out who does what (Partners), keep track of what you know (Case board) and pass the right facts to those who need them, through the right channel and with the right handling code. Your own steps (interviews, checks) are under 'a'. End the turn with 'e': replies arrive and time moves on. The game ends with one of several endings; the debrief explains every score. Underlined words open the glossary.",
        "sl": "Kako igrati: ste eden od akterjev v primeru, ki zajema države A, B in C. V vsaki potezi imate nekaj akcijskih točk. Berite sporočila (pogled SIENA), preverite, kdo kaj dela (Partnerji), sledite temu, kar veste (Znani podatki), in prave podatke posredujte tistim, ki jih potrebujejo, po pravi poti in s pravo oznako za ravnanje. Vaši lastni koraki (razgovori, preverjanja) so pod »a«. Potezo končate z »e«: prispejo odgovori, čas teče naprej. Igra se konča z enim od več izidov; analiza po vaji pojasni vsako oceno. Podčrtane besede odprejo slovar.",
    },
    "tui.error_title": {"en": "Something went wrong", "sl": "Prišlo je do napake"},
    "tui.error_text": {
        "en": "The program met an unexpected problem. Your game is saved and nothing is lost: you can carry on, go back to the title screen, or quit and resume later with 'Continue'. The details were written to {log}; please send that file to the developers.",
        "sl": "Program je naletel na nepričakovano težavo. Vaša igra je shranjena in nič ni izgubljeno: lahko nadaljujete, se vrnete na začetni zaslon ali končate in pozneje nadaljujete z »Nadaljuj«. Podrobnosti so zapisane v {log}; datoteko pošljite razvijalcem.",
    },
    "tui.error_continue": {"en": "Carry on", "sl": "Nadaljuj"},
    "tui.fatal": {
        "en": "trafficking-sim had to stop because of an unexpected problem. Your game is saved; start the program again and choose Continue. Details: {log}",
        "sl": "trafficking-sim se je moral ustaviti zaradi nepričakovane težave. Igra je shranjena; program zaženite znova in izberite Nadaljuj. Podrobnosti: {log}",
    },
    "tui.too_small": {
        "en": "The window is {width}x{height}. Please make it at least 80 columns wide and 24 lines high; the game is waiting, nothing is lost.",
        "sl": "Okno meri {width}x{height}. Povečajte ga na vsaj 80 stolpcev in 24 vrstic; igra čaka, nič ni izgubljeno.",
    },
    "tui.cannot_open_scenario": {
        "en": "The scenario cannot be opened",
        "sl": "Scenarija ni mogoče odpreti",
    },
    "tui.cannot_resume": {
        "en": "The saved game cannot be continued",
        "sl": "Shranjene igre ni mogoče nadaljevati",
    },
    "tui.autosave_failed": {
        "en": "The game could not be saved: {error}",
        "sl": "Igre ni bilo mogoče shraniti: {error}",
    },
    "tui.language_set": {"en": "Language: English", "sl": "Jezik: slovenščina"},
    # --- debrief ------------------------------------------------------------------------
    "debrief.report_title": {"en": "After-action review", "sl": "Analiza po vaji"},
    "debrief.role": {"en": "Role", "sl": "Vloga"},
    "debrief.turns": {"en": "turns played: {n}", "sl": "odigranih potez: {n}"},
    "debrief.s_ending": {"en": "How the case ended", "sl": "Kako se je primer končal"},
    "debrief.s_pillars": {
        "en": "The four pillars: every gain and loss",
        "sl": "Štirje stebri: vse pridobitve in izgube",
    },
    "debrief.s_learning": {
        "en": "Learning objectives (section 7.2)",
        "sl": "Učni cilji (razdelek 7.2)",
    },
    "debrief.s_map": {"en": "Cooperation map", "sl": "Zemljevid sodelovanja"},
    "debrief.s_missed": {"en": "What you missed", "sl": "Kaj ste zamudili"},
    "debrief.s_questions": {"en": "Questions for reflection", "sl": "Vprašanja za razmislek"},
    "debrief.s_timeline": {"en": "Timeline", "sl": "Časovnica"},
    "debrief.col_turn": {"en": "Turn", "sl": "Poteza"},
    "debrief.col_reason": {"en": "Why", "sl": "Zakaj"},
    "debrief.col_source": {"en": "Rule of practice", "sl": "Pravilo ravnanja"},
    "debrief.col_who": {"en": "Who", "sl": "Kdo"},
    "debrief.col_what": {"en": "What happened", "sl": "Kaj se je zgodilo"},
    "debrief.never_found": {
        "en": "You never obtained what you needed: {facts}.",
        "sl": "Tega, kar ste potrebovali, niste nikoli dobili: {facts}.",
    },
    "debrief.never_passed": {
        "en": "{actor} needed “{fact}”, which you held, and never received it.",
        "sl": "Podatek »{fact}« ste imeli vi, prejemnik, ki ga je potreboval, pa ga ni nikoli dobil: {actor}.",
    },
    "debrief.never_passed_waiting": {
        "en": "{actor} needed “{fact}”, which you held but could not pass on: the game ended while you waited for its provider's permission. Ask for it as soon as you know who needs it.",
        "sl": "Podatek »{fact}« ste imeli vi, a ga niste smeli posredovati: igra se je končala, medtem ko ste čakali na dovoljenje njegovega pošiljatelja. Prejemnik, ki ga je potreboval: {actor}. Za dovoljenje zaprosite takoj, ko veste, kdo podatek potrebuje.",
    },
    "debrief.best_reached": {
        "en": "You reached the best ending.",
        "sl": "Dosegli ste najboljši izid.",
    },
    "debrief.best_reached_lowered": {
        "en": "The story reached its best ending, but how you got there lowered the rating (see above).",
        "sl": "Zgodba se je končala z najboljšim izidom, vendar je način, kako ste do njega prišli, znižal oceno (glejte zgoraj).",
    },
    "debrief.best_until": {
        "en": "The best ending was still within reach at the start of turn {turn}, and not after.",
        "sl": "Najboljši izid je bil še dosegljiv na začetku poteze {turn}, pozneje ne več.",
    },
    "debrief.best_until_unsure": {
        "en": "The best ending was still within reach at the start of turn {turn}; whether it still was later, the search could not tell in time.",
        "sl": "Najboljši izid je bil še dosegljiv na začetku poteze {turn}; ali je bil dosegljiv tudi pozneje, iskanje ni moglo ugotoviti pravočasno.",
    },
    "debrief.best_never": {
        "en": "From this role's start, the search found no way to the best ending.",
        "sl": "Iskanje od začetka te vloge ni našlo poti do najboljšega izida.",
    },
    "debrief.best_unknown": {
        "en": "The search did not find, within its budget, a turn from which the best ending could still be reached.",
        "sl": "Iskanje v svojem obsegu ni našlo poteze, od katere bi bil najboljši izid še dosegljiv.",
    },
    "debrief.nothing_missed": {
        "en": "Nothing essential was missed.",
        "sl": "Nič bistvenega ni bilo zamujeno.",
    },
    "debrief.from_section": {"en": "section {section}", "sl": "razdelek {section}"},
    "debrief.own_question": {
        "en": "this scenario's own question, not from the manual",
        "sl": "vprašanje tega scenarija, ne iz priročnika",
    },
    "debrief.footer": {
        "en": "trafficking-sim: the states, people and places of the case are fictional.",
        "sl": "trafficking-sim: države, osebe in kraji v primeru so izmišljeni.",
    },
    "debrief.map_unused": {
        "en": "never used; it would have carried: {facts}",
        "sl": "ni bila uporabljena; po njej bi šlo: {facts}",
    },
    "debrief.map_you": {"en": "(you)", "sl": "(vi)"},
    "debrief.map_rule": {"en": "as the case unfolded", "sl": "ob razvoju primera"},
    "debrief.map_none": {"en": "no exchange", "sl": "brez izmenjave"},
    "cards.scenario": {"en": "Scenario", "sl": "Scenarij"},
    "cards.time": {
        "en": "{turns} of {days} each",
        "sl": "{turns}, vsaka traja {days}",
    },
    "cards.points": {
        "en": "{n} action points a turn",
        "sl": "točke za dejanja na potezo: {n}",
    },
    "cards.who": {"en": "Who you are", "sl": "Kdo ste"},
    "cards.case": {"en": "The case", "sl": "Primer"},
    "cards.task": {"en": "Your special task", "sl": "Vaša posebna naloga"},
    "cards.can": {"en": "What you can do", "sl": "Kaj lahko storite"},
    "cards.cannot": {
        "en": "What you cannot do, and whom to ask instead",
        "sl": "Česa ne morete storiti in koga prositi namesto tega",
    },
    "cards.channels": {"en": "Your channels", "sl": "Vaši kanali"},
    "cards.why_others": {"en": "Why you need the others", "sl": "Zakaj potrebujete druge"},
    "cards.start": {"en": "What you know at the start", "sl": "Kaj veste na začetku"},
    "cards.questions": {
        "en": "Questions and challenges for your group",
        "sl": "Vprašanja in izzivi za vašo skupino",
    },
    "cards.goal_trace": {
        "en": "Which information about the transport of the victims do you hold, and who else needs it?",
        "sl": "Katere informacije o prevozu žrtev imate in kdo jih še potrebuje?",
    },
    "cards.goal_stop": {
        "en": "What can you do to help stop the criminal network, and what must you leave to others?",
        "sl": "Kaj lahko storite, da pomagate ustaviti kriminalno mrežo, in kaj morate prepustiti drugim?",
    },
    "cards.goal_help": {
        "en": "How do you make sure the victims are protected and supported, whatever they decide?",
        "sl": "Kako boste zagotovili, da bodo žrtve zaščitene in deležne podpore, ne glede na to, kako se odločijo?",
    },
    "cards.goal_cooperate": {
        "en": "Which other states and organisations must you work with, through which channel, and on what do you need to agree together?",
        "sl": "S katerimi drugimi državami in organizacijami morate sodelovati, po katerem kanalu in o čem se morate skupaj dogovoriti?",
    },
    "cards.objectives": {"en": "What counts as success", "sl": "Kaj šteje za uspeh"},
    "cards.shared": {"en": "shared by all groups", "sl": "skupno vsem skupinam"},
    "cards.hints": {"en": "Hints", "sl": "Namigi"},
    "cards.partners": {"en": "Who else takes part", "sl": "Kdo še sodeluje"},
    "cards.footer": {
        "en": "trafficking-sim role card. The states, people and places of the case are fictional.",
        "sl": "Kartica vloge trafficking-sim. Države, osebe in kraji v primeru so izmišljeni.",
    },
    "map.title": {
        "en": "International cooperation in the case: {scenario}",
        "sl": "Mednarodno sodelovanje v primeru: {scenario}",
    },
    "map.international": {
        "en": "European and international bodies, and those without a state in the case",
        "sl": "Evropski in mednarodni organi ter tisti, ki v primeru niso vezani na državo",
    },
    "map.part_origin": {"en": "origin", "sl": "izvorna država"},
    "map.part_transit": {"en": "transit", "sl": "tranzitna država"},
    "map.part_destination": {"en": "destination", "sl": "ciljna država"},
    "map.short_siena": {"en": "SIENA", "sl": "SIENA"},
    "map.short_i24_7": {"en": "I-24/7", "sl": "I-24/7"},
    "map.short_judicial": {"en": "judicial", "sl": "pravosodno"},
    "map.legend": {"en": "Legend", "sl": "Legenda"},
    "map.box_role": {
        "en": "a role played by a group (or by the game)",
        "sl": "vloga, ki jo igra skupina (ali igra)",
    },
    "map.box_agency": {
        "en": "an agency or body answering through the game",
        "sl": "agencija ali organ, ki odgovarja prek igre",
    },
    "map.direct_only": {"en": "direct contact only", "sl": "le neposredni stik"},
    "map.legend_direct": {
        "en": "Direct contact (phone, meetings, liaison officers) is open to everyone; it is drawn only for the roles that have no other way.",
        "sl": "Neposredni stik (telefon, sestanki, uradniki za zvezo) je na voljo vsem; narisan je le za vloge, ki nimajo druge poti.",
    },
    "guide.title": {
        "en": "Guide to international cooperation against trafficking in human beings",
        "sl": "Vodnik po mednarodnem sodelovanju v boju proti trgovini z ljudmi",
    },
    "guide.intro": {
        "en": "The legal instruments, principles, organisations and tools the game refers to, as the in-game glossary explains them. Each entry names its sources.",
        "sl": "Pravni akti, načela, organizacije in orodja, na katere se sklicuje igra, kot jih pojasnjuje slovar v igri. Pri vsakem vnosu so navedeni viri.",
    },
    "guide.cat_instrument": {
        "en": "Protocols, conventions and EU law",
        "sl": "Protokoli, konvencije in pravo EU",
    },
    "guide.cat_principle": {"en": "Principles", "sl": "Načela"},
    "guide.cat_organisation": {
        "en": "International organisations",
        "sl": "Mednarodne organizacije",
    },
    "guide.cat_agency": {"en": "EU agencies and bodies", "sl": "Agencije in organi EU"},
    "guide.cat_tool": {"en": "Tools and channels", "sl": "Orodja in kanali"},
    "guide.cat_term": {"en": "Terms", "sl": "Pojmi"},
    "guide.sources": {"en": "Sources: {sources}", "sl": "Viri: {sources}"},
    "guide.see": {"en": "See also: {entries}", "sl": "Glej tudi: {entries}"},
    "guide.footer": {
        "en": "trafficking-sim: guide printed from the game's glossary.",
        "sl": "trafficking-sim: vodnik, natisnjen iz slovarja igre.",
    },
    "phase.introduction": {"en": "Introduction", "sl": "Uvod"},
    "phase.groups": {"en": "Forming groups", "sl": "Oblikovanje skupin"},
    "phase.preparation": {"en": "Preparation", "sl": "Priprava"},
    "phase.simulation": {"en": "Simulation", "sl": "Simulacija"},
    "phase.reflection": {"en": "Reflection", "sl": "Refleksija"},
    "phase.summary": {"en": "Summary", "sl": "Povzetek"},
    "phase.say_introduction": {
        "en": "Say what trafficking in human beings is, how large it is, its forms and what it does to people. Then why no state can fight it alone: police, border and migration services must share information; international law (the UN Palermo Protocol, the Council of Europe Convention, EU law) sets common rules; NGOs and victim support reach across borders.",
        "sl": "Povejte, kaj je trgovina z ljudmi, kako razširjena je, katere oblike ima in kaj povzroča ljudem. Nato, zakaj se nobena država ne more boriti proti njej sama: policija, mejne in migracijske službe si morajo izmenjevati informacije; mednarodno pravo (Palermski protokol OZN, Konvencija Sveta Evrope, pravo EU) določa skupna pravila; nevladne organizacije in podpora žrtvam segajo prek meja.",
    },
    "phase.say_groups": {
        "en": "Form the groups and give each a role: the police of the origin state, the border service of the transit state, an international organisation, a victim-support NGO, the authorities of the destination state. Roles no group takes are played by the game.",
        "sl": "Oblikujte skupine in vsaki dodelite vlogo: policija izvorne države, mejna služba tranzitne države, mednarodna organizacija, nevladna organizacija za podporo žrtvam, organi ciljne države. Vloge, ki jih ne prevzame nobena skupina, igra igra sama.",
    },
    "phase.say_preparation": {
        "en": "Hand out the role cards (trafficking-sim cards). Each group reads who it is, what it can and cannot do, its special task and the questions it must solve. Remind them that no group can finish its task alone.",
        "sl": "Razdelite kartice vlog (trafficking-sim cards). Vsaka skupina prebere, kdo je, kaj lahko in česa ne more storiti, svojo posebno nalogo in vprašanja, ki jih mora rešiti. Opomnite jih, da nobena skupina ne more sama dokončati svoje naloge.",
    },
    "phase.say_simulation": {
        "en": "The groups play in turn. Each plans how to trace and share information about the transport of the victims, stop the network, help the victims, and work with the other states and organisations. Use the trainer tools (F6) to bring in events or reveal a fact when a group is stuck.",
        "sl": "Skupine igrajo izmenično. Vsaka načrtuje, kako izslediti in deliti informacije o prevozu žrtev, ustaviti mrežo, pomagati žrtvam ter sodelovati z drugimi državami in organizacijami. Ko se skupina zatakne, z orodji za izvajalca (F6) sprožite dogodek ali razkrijte podatek.",
    },
    "phase.say_reflection": {
        "en": "Each group presents what it did and the problems it met. Ask: what was the hardest problem in communication and cooperation? Which tools and procedures worked best? How did the states differ in their approach? What did cooperation bring? Open the class debrief to compare the groups.",
        "sl": "Vsaka skupina predstavi, kaj je storila in na katere težave je naletela. Vprašajte: kaj je bila največja težava pri komunikaciji in sodelovanju? Katera orodja in postopki so bili najučinkovitejši? V čem so se pristopi držav razlikovali? Kaj je prineslo sodelovanje? Odprite skupno analizo in primerjajte skupine.",
    },
    "phase.say_summary": {
        "en": "Sum up: information exchange, coordination and common goals are what make international cooperation work, and every group had a part no other could play.",
        "sl": "Povzemite: izmenjava informacij, usklajevanje in skupni cilji so tisto, kar omogoča mednarodno sodelovanje, in vsaka skupina je imela vlogo, ki je ne bi mogla odigrati nobena druga.",
    },
    "event.seat_passed": {
        "en": "The turn passes to {role}.",
        "sl": "Poteza preide na: {role}.",
    },
    "event.trainer_note": {"en": "Trainer's note: {text}", "sl": "Zapisek izvajalca: {text}"},
    "event.decided.grant": {
        "en": "{agency} granted request #{id} ({service}) of {asker}.",
        "sl": "{agency} je ugodil(a) zahtevi št. {id} ({service}), ki jo je poslal(a) {asker}.",
    },
    "event.decided.refuse": {
        "en": "{agency} refused request #{id} ({service}) of {asker}.",
        "sl": "{agency} je zavrnil(a) zahtevo št. {id} ({service}), ki jo je poslal(a) {asker}.",
    },
    "event.decided.more": {
        "en": "{agency} asks {asker} for more before deciding on request #{id} ({service}).",
        "sl": "{agency} pred odločitvijo o zahtevi št. {id} ({service}) prosi za več podatkov: {asker}.",
    },
    "event.decided.script": {
        "en": "The trainer let the game answer request #{id} ({service}) of {asker} for {agency}.",
        "sl": "Izvajalec je pustil, da na zahtevo št. {id} ({service}), ki jo je poslal(a) {asker}, namesto vloge {agency} odgovori igra.",
    },
    "event.decided.by_trainer": {
        "en": "(decided by the trainer, as the group had not decided in time)",
        "sl": "(odločil je izvajalec, ker skupina ni odločila pravočasno)",
    },
    "event.decision_waiting": {
        "en": "Request #{id} from {asker} waits for your decision: {service}.",
        "sl": "Zahteva št. {id}, ki jo je poslal(a) {asker}, čaka na vašo odločitev: {service}.",
    },
    "class.title": {"en": "Class debrief", "sl": "Skupna analiza"},
    "class.league": {"en": "League table", "sl": "Lestvica skupin"},
    "class.group": {"en": "Group", "sl": "Skupina"},
    "class.points": {"en": "Points", "sl": "Točke"},
    "class.gained": {"en": "Gained", "sl": "Pridobljeno"},
    "class.lost": {"en": "Lost", "sl": "Izgubljeno"},
    "class.objectives": {"en": "Objectives met", "sl": "Doseženi cilji"},
    "class.pillars": {
        "en": "What each group's own actions did to the four pillars",
        "sl": "Kako so lastna dejanja posamezne skupine vplivala na štiri stebre",
    },
    "class.pillars_note": {
        "en": "Each group's row is its own ledger: what its decisions earned or cost, even where the shared pillar was already at 100; a refused action costs once however often it is pressed. What time alone brought counts for no group.",
        "sl": "Vrstica vsake skupine je njen lastni obračun: kar so ji prinesle ali odvzele njene odločitve, tudi kadar je bil skupni steber že na 100; zavrnjeno dejanje stane enkrat, ne glede na to, kolikokrat ga skupina ponovi. Kar je prinesel le čas, ne šteje nobeni skupini.",
    },
    "class.your_points": {
        "en": "Points of {group} (its own decisions)",
        "sl": "Točke skupine {group} (njene lastne odločitve)",
    },
    "tui.played_by_group": {
        "en": "Played in this class by {group}: its answers come from that group, not from the computer.",
        "sl": "V tem razredu jo igra {group}: odgovore daje ta skupina, ne računalnik.",
    },
    "class.exchanges": {
        "en": "Messages and requests sent: {n}; to: {partners}",
        "sl": "Poslana sporočila in zahteve: {n}; prejemniki: {partners}",
    },
    "class.notes": {"en": "The trainer's notes", "sl": "Zapiski izvajalca"},
    "trainer.setup_title": {
        "en": "Trainer mode: set up the class",
        "sl": "Način za izvajalca: priprava skupin",
    },
    "trainer.scenario": {"en": "Scenario", "sl": "Scenarij"},
    "trainer.roles": {
        "en": "Roles played by groups (space ticks; in this order they take turns):",
        "sl": "Vloge, ki jih igrajo skupine (preslednica označi; v tem vrstnem redu se izmenjujejo):",
    },
    "trainer.setup_note": {
        "en": "Roles not ticked are played by the game. Groups are numbered in the order shown; each sees only what its own role knows, behind a hand-over screen.",
        "sl": "Vloge, ki niso označene, igra igra sama. Skupine so oštevilčene v prikazanem vrstnem redu; vsaka za zaslonom za predajo vidi le to, kar ve njena vloga.",
    },
    "trainer.start": {"en": "Start the session", "sl": "Začni srečanje"},
    "trainer.no_groups": {
        "en": "Tick at least one role for a group.",
        "sl": "Označite vsaj eno vlogo za skupino.",
    },
    "trainer.group_n": {"en": "Group {n}", "sl": "Skupina {n}"},
    "trainer.title": {"en": "Trainer: {scenario}", "sl": "Izvajalec: {scenario}"},
    "trainer.next_phase": {"en": "Next phase", "sl": "Naslednja faza"},
    "trainer.play": {"en": "To the game", "sl": "K igri"},
    "trainer.class_debrief": {"en": "Class debrief", "sl": "Skupna analiza"},
    "trainer.running": {"en": "running", "sl": "teče"},
    "trainer.paused": {"en": "paused", "sl": "ustavljeno"},
    "trainer.over": {"en": "time is up", "sl": "čas je potekel"},
    "trainer.pause": {"en": "Pause", "sl": "Ustavi"},
    "trainer.start_timer": {"en": "Start timer", "sl": "Zaženi čas"},
    "trainer.notes_hidden": {
        "en": "Trainer notes (expected course, common mistakes) are hidden while the screen may be projected: press t to show them, t again to hide them.",
        "sl": "Opombe za izvajalca (pričakovani potek, pogoste napake) so skrite, ker je zaslon morda projiciran: pritisnite t, da jih pokažete, in znova t, da jih skrijete.",
    },
    "trainer.notes": {
        "en": "Trainer notes for this scenario:",
        "sl": "Opombe za izvajalca pri tem scenariju:",
    },
    "trainer.decision_title": {
        "en": "Request #{id} from {asker}: your group decides",
        "sl": "Zahteva št. {id}, pošiljatelj: {asker}: odloči vaša skupina",
    },
    "trainer.decision_help": {
        "en": "You play this role: no script answers for you. Grant the request (what your role would then do happens, and the asker is told), refuse it and say why, or ask for more. Undecided requests wait until your next turn; after that the trainer may decide.",
        "sl": "To vlogo igrate vi: namesto vas ne odgovori noben scenarij. Zahtevi ugodite (zgodi se, kar bi vaša vloga tedaj storila, pošiljatelj pa je obveščen), jo zavrnite in navedite razlog ali prosite za več podatkov. Neodločene zahteve počakajo do vaše naslednje poteze; nato lahko odloči izvajalec.",
    },
    "trainer.decision_note": {
        "en": "your answer to the asking group (needed to refuse or ask for more)",
        "sl": "vaš odgovor skupini, ki je prosila (potreben za zavrnitev ali prošnjo za več)",
    },
    "trainer.decision_grant": {"en": "Grant", "sl": "Ugodi"},
    "trainer.decision_refuse": {"en": "Refuse", "sl": "Zavrni"},
    "trainer.decision_more": {"en": "Ask for more", "sl": "Prosi za več"},
    "trainer.decision_later": {"en": "Later", "sl": "Pozneje"},
    "trainer.decisions": {
        "en": "Requests waiting for a group's decision",
        "sl": "Zahteve, ki čakajo na odločitev skupine",
    },
    "trainer.decision_row": {
        "en": "#{id} {asker} → {agency}: {service} (since turn {turn})",
        "sl": "št. {id} {asker} → {agency}: {service} (od poteze {turn})",
    },
    "trainer.decide_script": {"en": "Let the game answer", "sl": "Naj odgovori igra"},
    "trainer.decide_grant": {"en": "Grant for the group", "sl": "Ugodi namesto skupine"},
    "trainer.decide_refuse": {"en": "Refuse for the group", "sl": "Zavrni namesto skupine"},
    "trainer.refused_for_group": {
        "en": "The trainer refused this for the group, which had not decided in time.",
        "sl": "Izvajalec je zahtevo zavrnil namesto skupine, ki ni odločila pravočasno.",
    },
    "trainer.decide": {"en": "Decide", "sl": "Odloči"},
    "trainer.decisions_waiting": {
        "en": "Requests waiting for a group's decision: {n}, of them past the group's next turn: {late}. Decide for a group in the trainer's tools (F6), or let the game answer.",
        "sl": "Zahteve, ki čakajo na odločitev skupine: {n}, od tega po izteku naslednje poteze skupine: {late}. Namesto skupine odločite v orodjih izvajalca (F6) ali pustite, da odgovori igra.",
    },
    "cards.all": {"en": "All role cards", "sl": "Vse kartice vlog"},
    "guide.contents": {"en": "Contents", "sl": "Vsebina"},
    "demo.decide.grant": {"en": "Grants request #{id}", "sl": "Ugodi zahtevi št. {id}"},
    "demo.decide.refuse": {"en": "Refuses request #{id}", "sl": "Zavrne zahtevo št. {id}"},
    "demo.decide.more": {
        "en": "Asks for more about request #{id}",
        "sl": "Prosi za več podatkov o zahtevi št. {id}",
    },
    "demo.decide.script": {
        "en": "The trainer lets the game answer request #{id}",
        "sl": "Izvajalec pusti, da na zahtevo št. {id} odgovori igra",
    },
    "trainer.choose_request": {"en": "A waiting request", "sl": "Zahteva, ki čaka"},
    "key.later": {"en": "Later", "sl": "Pozneje"},
    "trainer.code_label": {"en": "Trainer code (for F6)", "sl": "Koda izvajalca (za F6)"},
    "trainer.code_placeholder": {
        "en": "a code only you know",
        "sl": "koda, ki jo poznate le vi",
    },
    "trainer.code_short": {
        "en": "Choose a trainer code of at least {n} characters: F6 will ask for it, so that only you open the trainer's tools.",
        "sl": "Izberite kodo izvajalca z vsaj {n} znaki: F6 jo bo zahteval, da orodja izvajalca odprete le vi.",
    },
    "trainer.code_prompt": {
        "en": "The trainer's code, to open the trainer's tools:",
        "sl": "Koda izvajalca za odpiranje orodij izvajalca:",
    },
    "trainer.code_ok": {"en": "Open", "sl": "Odpri"},
    "trainer.wrong_code": {
        "en": "That is not the trainer's code.",
        "sl": "To ni koda izvajalca.",
    },
    "trainer.minutes_label": {
        "en": "Minutes per group and turn",
        "sl": "Minute na skupino in potezo",
    },
    "trainer.minutes_none": {"en": "no limit", "sl": "brez omejitve"},
    "trainer.turn_clock": {"en": "this turn {time}", "sl": "ta poteza {time}"},
    "trainer.turn_allowed": {
        "en": "{n} min at the laptop this turn",
        "sl": "{n} min za računalnikom v tej potezi",
    },
    "trainer.turn_over": {
        "en": "Your time at the laptop for this turn is up: finish what you are doing and end the turn (e).",
        "sl": "Vaš čas za računalnikom v tej potezi je potekel: dokončajte, kar delate, in končajte potezo (e).",
    },
    "trainer.confirm_quit": {
        "en": "Quit the class? It is saved: Continue on the title screen brings it back, with its timer.",
        "sl": "Končam delo z razredom? Shranjeno je: »Nadaljuj« na začetnem zaslonu ga vrne, skupaj s časom.",
    },
    "trainer.handover": {
        "en": "Pass the laptop to {group}",
        "sl": "Računalnik predajte skupini: {group}",
    },
    "trainer.handover_turn": {"en": "Turn {turn} of {max}", "sl": "Poteza {turn} od {max}"},
    "trainer.ready": {"en": "We are ready", "sl": "Pripravljeni smo"},
    "trainer.your_turn": {
        "en": "{group}: turn {turn} ({date})",
        "sl": "{group}: poteza {turn} ({date})",
    },
    "trainer.nothing_new": {
        "en": "Nothing new for your group since your last turn.",
        "sl": "Od vaše zadnje poteze za vašo skupino ni nič novega.",
    },
    "trainer.tools": {"en": "Trainer tools", "sl": "Orodja izvajalca"},
    "trainer.tools_warning": {
        "en": "If your screen is projected, the class sees this too.",
        "sl": "Če je vaš zaslon projiciran, to vidi tudi razred.",
    },
    "trainer.inject": {"en": "Bring in now", "sl": "Sproži zdaj"},
    "trainer.reveal": {"en": "Give the fact", "sl": "Posreduj podatek"},
    "trainer.note": {"en": "Add the note", "sl": "Dodaj zapisek"},
    "trainer.note_placeholder": {
        "en": "A note for the debrief",
        "sl": "Zapisek za analizo",
    },
    "trainer.dashboard": {"en": "Phases and timer", "sl": "Faze in čas"},
    "trainer.choose_inject": {"en": "An event", "sl": "Dogodek"},
    "trainer.choose_group": {"en": "A group", "sl": "Skupina"},
    "trainer.choose_fact": {"en": "A fact", "sl": "Podatek"},
    "trainer.whole_case": {
        "en": "The whole case: who knows what",
        "sl": "Celoten primer: kdo kaj ve",
    },
    "trainer.waiting": {
        "en": "Replies and permissions on their way: {n}",
        "sl": "Odgovori in dovoljenja na poti: {n}",
    },
    "trainer.done": {"en": "Done.", "sl": "Opravljeno."},
    "trainer.mode": {"en": "Trainer mode (a class)", "sl": "Način za izvajalca (razred)"},
    "cmd.trainer": {
        "en": "Set up a class: phases, timer and groups taking turns",
        "sl": "Pripravite razred: faze, čas in skupine, ki se izmenjujejo",
    },
    "demo.start": {"en": "The game begins.", "sl": "Igra se začne."},
    "demo.end_turn": {"en": "Ends the turn.", "sl": "Konča potezo."},
    "demo.send": {
        "en": "Sends a SIENA message to {to} with: {facts}",
        "sl": "Pošlje sporočilo SIENA (prejemnik: {to}) s podatki: {facts}",
    },
    "demo.share": {
        "en": "Contacts {to} directly and passes on: {facts}",
        "sl": "Neposredno stopi v stik (prejemnik: {to}) in posreduje: {facts}",
    },
    "demo.request": {
        "en": "Asks {to}: {service}",
        "sl": "Zaprosi (naslovnik: {to}): {service}",
    },
    "demo.do": {"en": "Does: {action}", "sl": "Izvede: {action}"},
    "demo.permission": {
        "en": "Asks permission to pass on: {fact}",
        "sl": "Prosi za dovoljenje za posredovanje: {fact}",
    },
    "demo.inject": {"en": "The trainer brings in: {title}", "sl": "Izvajalec sproži: {title}"},
    "demo.reveal": {
        "en": "The trainer gives {actor}: {fact}",
        "sl": "Izvajalec posreduje (prejemnik: {actor}): {fact}",
    },
    "demo.note": {"en": "The trainer notes: {text}", "sl": "Izvajalec zapiše: {text}"},
    "demo.title": {
        "en": "Demo · step {step}/{steps} · turn {turn} · {scenario}",
        "sl": "Prikaz · korak {step}/{steps} · poteza {turn} · {scenario}",
    },
    "demo.done": {"en": "What was done", "sl": "Kaj je bilo storjeno"},
    "demo.happened": {"en": "What it made happen", "sl": "Kaj se je zgodilo"},
    "demo.nothing": {"en": "Nothing visible.", "sl": "Nič vidnega."},
    "demo.scores": {"en": "Scores", "sl": "Rezultati"},
    "demo.playing": {
        "en": "Playing: a step every {pace} s",
        "sl": "Predvajanje: korak vsakih {pace} s",
    },
    "demo.stopped": {"en": "Stopped", "sl": "Ustavljeno"},
    "key.demo_next": {"en": "Next step", "sl": "Naslednji korak"},
    "key.demo_previous": {"en": "Previous step", "sl": "Prejšnji korak"},
    "key.demo_play": {"en": "Play/stop", "sl": "Predvajaj/ustavi"},
    "key.demo_faster": {"en": "Faster", "sl": "Hitreje"},
    "key.demo_slower": {"en": "Slower", "sl": "Počasneje"},
    "tui.review_playback": {"en": "Play it back", "sl": "Predvajaj"},
    "debrief.capped": {
        "en": "(worth {asked}, but the score was already at {limit})",
        "sl": "(vredno {asked}, a rezultat je bil že {limit})",
    },
    "debrief.map_between": {"en": "Between the others:", "sl": "Med drugimi:"},
    "debrief.map_counts": {
        "en": "You sent {sent} and received {received} (every channel, as in the SIENA pane).",
        "sl": "Poslali ste {sent} in prejeli {received} (po vseh poteh, kot v podoknu SIENA).",
    },
    "debrief.map_legend": {
        "en": "━ exchanges that happened (channel × times) · ┈ a link that would have carried a needed fact",
        "sl": "━ izmenjave, ki so se zgodile (pot × kolikokrat) · ┈ povezava, po kateri bi šel potreben podatek",
    },
    "debrief.q_wait": {
        "en": "Your exchange with {actor} ({channel}) waited {turns} turns for the answer that mattered. What would have made it faster?",
        "sl": "Na odgovor, ki je bil pomemben, ste pri izmenjavi s prejemnikom {actor} ({channel}) čakali toliko potez: {turns}. Kaj bi ga pospešilo?",
    },
    "debrief.q_refused": {
        "en": "You were stopped once: {reason}. What does that rule protect, and how would you work within it next time?",
        "sl": "Enkrat ste bili ustavljeni: {reason}. Kaj to pravilo varuje in kako bi naslednjič delali v njegovih okvirih?",
    },
    "debrief.q_unused": {
        "en": "{actor} needed “{fact}”, which you had. What stood in the way of passing it on?",
        "sl": "Podatek »{fact}« ste imeli, potreboval pa ga je: {actor}. Kaj je oviralo, da bi ga posredovali?",
    },
    "debrief.q_silent": {
        "en": "You never contacted: {actors}. What could they have done in this case?",
        "sl": "Nikoli niste vzpostavili stika z: {actors}. Kaj bi lahko storili v tem primeru?",
    },
    "debrief.q_lowest": {
        "en": "Your lowest pillar was {pillar}. Which decision cost the most there, and what would you do differently?",
        "sl": "Vaš najšibkejši steber je bil: {pillar}. Katera odločitev je tam stala največ in kaj bi storili drugače?",
    },
    "debrief.export": {"en": "Export report", "sl": "Izvozi poročilo"},
    "debrief.exported": {"en": "Report written to {path}", "sl": "Poročilo zapisano v {path}"},
    "debrief.timeline_all": {"en": "everyone", "sl": "vsi"},
    "debrief.searching": {
        "en": "(checking when the best ending was last within reach…)",
        "sl": "(preverjam, kdaj je bil najboljši izid nazadnje dosegljiv …)",
    },
    "paths.temporary": {
        "en": "Your home folder cannot be found, so saved games and settings go to the temporary folder {path} and may be lost when the computer restarts. To keep them, set {env} to a folder of your own.",
        "sl": "Domače mape ni mogoče najti, zato se shranjene igre in nastavitve shranjujejo v začasno mapo {path} in se lahko izgubijo ob ponovnem zagonu računalnika. Če jih želite ohraniti, nastavite {env} na svojo mapo.",
    },
    "cli.dumb_terminal": {
        "en": "This terminal (TERM={term}) cannot draw the full-screen game. To play line by line, use: trafficking-sim play --plain. In a terminal that can, set TERM (for example TERM=xterm-256color).",
        "sl": "Ta terminal (TERM={term}) ne zmore prikazati celozaslonske igre. Za igro vrstico za vrstico uporabite: trafficking-sim play --plain. V terminalu, ki to zmore, nastavite TERM (na primer TERM=xterm-256color).",
    },
    "cli.few_colours": {
        "en": "Note: this terminal (TERM={term}) shows few or no colours; if the screen is hard to read, trafficking-sim play --plain plays line by line.",
        "sl": "Opomba: ta terminal (TERM={term}) prikazuje malo barv ali nobene; če je zaslon težko berljiv, trafficking-sim play --plain igra vrstico za vrstico.",
    },
    # --- the online variant (trafficking-sim serve) -------------------------------------------
    "serve.code_title": {
        "en": "This class needs its session code",
        "sl": "Za ta razred potrebujete kodo seje",
    },
    "serve.code_prompt": {
        "en": "Type the code the trainer gave you (it is shown where the game was started).",
        "sl": "Vnesite kodo, ki vam jo je dal izvajalec (prikazana je tam, kjer je bila igra zagnana).",
    },
    "serve.code_wrong": {
        "en": "That is not the code. Check it with the trainer and try again.",
        "sl": "To ni prava koda. Preverite jo pri izvajalcu in poskusite znova.",
    },
    "serve.code_label": {"en": "Session code", "sl": "Koda seje"},
    "serve.bad_origin": {
        "en": "A game can be opened only from the game's own page.",
        "sl": "Igro je mogoče odpreti samo z njene lastne strani.",
    },
    "serve.full": {
        "en": "The class is full: {n} games are open. Close a tab you no longer use, or ask the trainer.",
        "sl": "Razred je poln: odprtih je {n} iger. Zaprite zavihek, ki ga ne uporabljate več, ali vprašajte izvajalca.",
    },
    # --- saves and playback that cannot be used -------------------------------------------
    "save.not_overwritten": {
        "en": "{path} exists and is not a trafficking-sim save; it was not overwritten. Choose another file name.",
        "sl": "{path} že obstaja in ni shranjena igra trafficking-sim, zato ni bila prepisana. Izberite drugo ime datoteke.",
    },
    "save.missing": {
        "en": "There is no save at {path}.",
        "sl": "Na mestu {path} ni shranjene igre.",
    },
    "save.not_a_file": {
        "en": "{path} is not an ordinary file (a folder, a pipe or a device), so it cannot be a save. The file has not been changed.",
        "sl": "{path} ni navadna datoteka (je mapa, cev ali naprava), zato ne more biti shranjena igra. Datoteka ni bila spremenjena.",
    },
    "save.in_use": {
        "en": "The game {path} is open in another window of trafficking-sim (process {pid}). Close it there first, or continue another game; it was not changed.",
        "sl": "Igra {path} je odprta v drugem oknu programa trafficking-sim (proces {pid}). Najprej jo zaprite tam ali nadaljujte drugo igro; ni bila spremenjena.",
    },
    "save.other_game": {
        "en": "{path} holds another game (the scenario “{found}”, save format {format}), not one of “{scenario}”; it was not replaced. Choose another file name, or add --force to replace it.",
        "sl": "{path} vsebuje drugo igro (scenarij »{found}«, oblika shranjevanja {format}), ne igre scenarija »{scenario}«, zato ni bila zamenjana. Izberite drugo ime datoteke ali dodajte --force, da jo zamenjate.",
    },
    "save.unreadable": {
        "en": "The save {path} cannot be read: {error}.",
        "sl": "Shranjene igre {path} ni mogoče prebrati: {error}.",
    },
    "save.damaged": {
        "en": "The save {path} is damaged and cannot be used ({error}). The file has not been changed.",
        "sl": "Shranjena igra {path} je poškodovana in je ni mogoče uporabiti ({error}). Datoteka ni bila spremenjena.",
    },
    "save.too_large": {
        "en": "The save {path} is damaged and cannot be used (it is far too large to be a save). The file has not been changed.",
        "sl": "Shranjena igra {path} je poškodovana in je ni mogoče uporabiti (je veliko prevelika za shranjeno igro). Datoteka ni bila spremenjena.",
    },
    "save.not_text": {
        "en": "The save {path} is damaged and cannot be used (it is not text). The file has not been changed.",
        "sl": "Shranjena igra {path} je poškodovana in je ni mogoče uporabiti (ni besedilo). Datoteka ni bila spremenjena.",
    },
    "save.foreign": {
        "en": "{path} is not a trafficking-sim save.",
        "sl": "{path} ni shranjena igra trafficking-sim.",
    },
    "save.format": {
        "en": "The save {path} was written in save format {format}, which this version ({version}) cannot read.",
        "sl": "Shranjena igra {path} je zapisana v obliki {format}, ki je ta različica ({version}) ne zna prebrati.",
    },
    "save.scenario_changed": {
        "en": "The scenario “{scenario}” has changed since this game was saved, so replaying it may not give the same game. The save has been kept as it is.",
        "sl": "Scenarij »{scenario}« se je spremenil, odkar je bila igra shranjena, zato ponovitev morda ne bi dala enake igre. Shranjena igra je ostala nespremenjena.",
    },
    "save.role_gone": {
        "en": "The saved role “{role}” is not in the scenario “{scenario}” any more.",
        "sl": "Shranjene vloge »{role}« v scenariju »{scenario}« ni več.",
    },
    "save.unusable": {
        "en": "The save cannot be used: {error}.",
        "sl": "Shranjene igre ni mogoče uporabiti: {error}.",
    },
    "save.scenario_file_gone": {
        "en": "The scenario file of this save, {path}, is no longer there.",
        "sl": "Datoteke scenarija te shranjene igre ({path}) ni več.",
    },
    "save.scenario_not_found": {
        "en": "The save's scenario cannot be found: {error}",
        "sl": "Scenarija shranjene igre ni mogoče najti: {error}",
    },
    "save.scenario_errors": {
        "en": "The save's scenario has errors:\n{error}",
        "sl": "Scenarij shranjene igre ima napake:\n{error}",
    },
    "save.other_scenario": {
        "en": "The file {path} holds the scenario “{found}”, not “{scenario}” as the save expects.",
        "sl": "Datoteka {path} vsebuje scenarij »{found}«, shranjena igra pa pričakuje »{scenario}«.",
    },
    "demo.unreadable": {
        "en": "{path} cannot be read: {error}",
        "sl": "Datoteke {path} ni mogoče prebrati: {error}",
    },
    "demo.no_scenario": {
        "en": "{path} is not a save; as a walkthrough it needs a scenario: {error} Name it with --scenario (and the role with --role).",
        "sl": "{path} ni shranjena igra; kot potek igre potrebuje scenarij: {error} Navedite ga z --scenario (vlogo pa z --role).",
    },
    "demo.no_role": {
        "en": "“{role}” is not a role of “{scenario}” (roles: {roles}); name one with --role.",
        "sl": "»{role}« ni vloga scenarija »{scenario}« (vloge: {roles}); navedite jo z --role.",
    },
    "demo.not_understood": {
        "en": "{path} is not a walkthrough of “{scenario}” as “{role}”: the game did not understand the line “{line}”.",
        "sl": "{path} ni potek igre scenarija »{scenario}« v vlogi »{role}«: igra ni razumela vrstice »{line}«.",
    },
    # --- a networked class (trafficking-sim class / join) ---
    "classnet.seat_intro": {
        "en": "You are {group}, at your own device. The other groups play their roles at theirs; you see only what your role knows.",
        "sl": "Ste {group}, za svojo napravo. Druge skupine igrajo svoje vloge za svojimi; vidite le, kar ve vaša vloga.",
    },
    "classnet.waiting": {
        "en": "Waiting for {group} to finish their part of the turn...",
        "sl": "Čakamo, da {group} konča svoj del poteze ...",
    },
    "classnet.your_turn": {
        "en": "Your group's turn (turn {turn}).",
        "sl": "Na vrsti je vaša skupina (poteza {turn}).",
    },
    "classnet.turn_moved": {
        "en": "Not done: another group or the trainer acted first and the turn has moved on. Nothing was sent; decide again on your next turn.",
        "sl": "Ni izvedeno: druga skupina ali trener je ukrepal prej in poteza je šla naprej. Nič ni bilo poslano; odločite se znova v naslednji potezi.",
    },
    "classnet.game_ended_first": {
        "en": "Not done: the game ended before your action could be taken.",
        "sl": "Ni izvedeno: igra se je končala, preden je bilo mogoče izvesti vaše dejanje.",
    },
    "classnet.input_ended": {
        "en": "End of input. The class goes on; join again with the same code to continue.",
        "sl": "Konec vnosa. Razred se nadaljuje; za nadaljevanje se znova pridružite z isto kodo.",
    },
    "classnet.saved": {
        "en": "The class log on the trainer's computer keeps every action; nothing to save here.",
        "sl": "Dnevnik razreda na trenerjevem računalniku hrani vsa dejanja; tu ni treba ničesar shraniti.",
    },
    "classnet.bye": {
        "en": "You left the class; join again with the same code to continue. Goodbye.",
        "sl": "Zapustili ste razred; za nadaljevanje se znova pridružite z isto kodo. Nasvidenje.",
    },
    "classnet.ask_code": {
        "en": "Type your group's join code (from the trainer):",
        "sl": "Vpišite pridružitveno kodo svoje skupine (od trenerja):",
    },
    "classnet.wrong_code": {
        "en": "That code opens no seat in this class (or it was withdrawn). Check it with the trainer. Tries left: {left}.",
        "sl": "Ta koda ne odpre nobenega mesta v tem razredu (ali je bila preklicana). Preverite jo pri trenerju. Preostali poskusi: {left}.",
    },
    "classnet.too_many_tries": {
        "en": "Too many wrong codes: the program ends. Ask the trainer for your group's code and start again.",
        "sl": "Preveč napačnih kod: program se konča. Vprašajte trenerja za kodo svoje skupine in začnite znova.",
    },
    "classnet.trainer_code": {
        "en": "This is the trainer's code. The trainer's console is not part of this version yet; groups join with their own codes.",
        "sl": "To je trenerjeva koda. Trenerjeve konzole ta različica še nima; skupine se pridružijo s svojimi kodami.",
    },
    "classnet.version": {
        "en": "This class was set up with trafficking-sim {theirs}, and this is {ours}. Every device in a class must run the same version: install {theirs} here, or ask the trainer.",
        "sl": "Ta razred je bil pripravljen s trafficking-sim {theirs}, tu pa teče {ours}. Vse naprave v razredu morajo imeti isto različico: namestite {theirs} ali vprašajte trenerja.",
    },
    "classnet.content": {
        "en": "The scenario '{scenario}' on this computer differs from the one the class was set up with. Every device must have the same scenario files; ask the trainer.",
        "sl": "Scenarij »{scenario}« na tem računalniku se razlikuje od tistega, s katerim je bil razred pripravljen. Vse naprave morajo imeti enake datoteke scenarija; vprašajte trenerja.",
    },
    "classnet.scenario_missing": {
        "en": "The class's scenario '{scenario}' cannot be loaded here: {error}",
        "sl": "Scenarija razreda »{scenario}« tu ni mogoče naložiti: {error}",
    },
    "classnet.unusable": {
        "en": "The class cannot be played: {error}",
        "sl": "Razreda ni mogoče igrati: {error}",
    },
    "classnet.not_a_class_db": {
        "en": "{path} is not a class database ({error}). Give the file that 'trafficking-sim class create' wrote.",
        "sl": "{path} ni zbirka podatkov razreda ({error}). Navedite datoteko, ki jo je zapisal ukaz »trafficking-sim class create«.",
    },
    "classnet.schema": {
        "en": "{path} was written by another version of trafficking-sim (class format {found}). Use that version, or create a new class.",
        "sl": "{path} je zapisala druga različica programa trafficking-sim (oblika razreda {found}). Uporabite to različico ali ustvarite nov razred.",
    },
    "classnet.no_file": {
        "en": "There is no class file at {path}. Create a class first (trafficking-sim class create), or give its file with --db.",
        "sl": "Na {path} ni datoteke razreda. Najprej ustvarite razred (trafficking-sim class create) ali navedite njegovo datoteko z --db.",
    },
    "classnet.no_class": {
        "en": "{path} holds no class yet. Create one first: trafficking-sim class create --scenario ID",
        "sl": "{path} še nima nobenega razreda. Najprej ga ustvarite: trafficking-sim class create --scenario ID",
    },
    "classnet.unknown_class": {
        "en": "{path} holds no class '{id}'.",
        "sl": "{path} nima razreda »{id}«.",
    },
    "help.decide": {
        "en": "Answer a request made to your role: grant it, refuse it (say why in note=) or ask for more. 'decide' alone lists the requests waiting for you.",
        "sl": "Odgovorite na zahtevo, naslovljeno na vašo vlogo: ugodite ji, jo zavrnite (razlog navedite v note=) ali prosite za več. Sam ukaz »decide« izpiše zahteve, ki čakajo na vas.",
    },
    "classnet.no_decisions": {
        "en": "No request waits for your decision.",
        "sl": "Nobena zahteva ne čaka na vašo odločitev.",
    },
    "classnet.bad_verdict": {
        "en": "'{value}' is not a decision: use grant, refuse or more.",
        "sl": "»{value}« ni odločitev: uporabite grant (ugodi), refuse (zavrni) ali more (več podatkov).",
    },
    "classnet.gap": {
        "en": "The class log is damaged: row {seq} is missing. The class cannot go on from this file.",
        "sl": "Dnevnik razreda je poškodovan: manjka vrstica {seq}. Razred se iz te datoteke ne more nadaljevati.",
    },
    "classnet.bad_row": {
        "en": "The class log is damaged: row {seq} is not an action ({error}).",
        "sl": "Dnevnik razreda je poškodovan: vrstica {seq} ni dejanje ({error}).",
    },
}


PLURALS: dict[str, dict[str, dict[str, str]]] = {
    # A count with its noun, in every form the language has: English "one" and "other";
    # Slovene "one" (1, 101, ...), "two" (2, 102), "few" (3, 4, 103, 104) and "other".
    # Slovene forms are those a sentence of the catalogue needs (the case is noted).
    "n.turns": {  # nominative: "še 2 potezi"
        "en": {"one": "{n} turn", "other": "{n} turns"},
        "sl": {"one": "{n} poteza", "two": "{n} potezi", "few": "{n} poteze", "other": "{n} potez"},
    },
    "n.action_points": {  # accusative: "imate še 1 akcijsko točko", "stane 2 akcijski točki"
        "en": {"one": "{n} action point", "other": "{n} action points"},
        "sl": {
            "one": "{n} akcijsko točko",
            "two": "{n} akcijski točki",
            "few": "{n} akcijske točke",
            "other": "{n} akcijskih točk",
        },
    },
    "n.days": {  # accusative after "traja": "vsaka traja 2 dneva"
        "en": {"one": "{n} day", "other": "{n} days"},
        "sl": {"one": "{n} dan", "two": "{n} dneva", "few": "{n} dni", "other": "{n} dni"},
    },
    "n.messages": {  # accusative: "poslali ste 2 sporočili"
        "en": {"one": "{n} message", "other": "{n} messages"},
        "sl": {
            "one": "{n} sporočilo",
            "two": "{n} sporočili",
            "few": "{n} sporočila",
            "other": "{n} sporočil",
        },
    },
}
"""Plural entries, apart from CATALOG so that either grows without touching the other."""

PLURAL_FORMS = {"en": ("one", "other"), "sl": ("one", "two", "few", "other")}


def plural_form(n: int, lang: str) -> str:
    """The plural category of ``n`` in ``lang`` (CLDR rules for integers)."""
    if lang == "sl":
        rest = abs(n) % 100
        return {1: "one", 2: "two", 3: "few", 4: "few"}.get(rest, "other")
    return "one" if n == 1 else "other"


def tn(key: str, lang: str, n: int, **params: Any) -> str:
    """The plural entry ``key`` for the count ``n`` in ``lang``, with params filled in."""
    forms = PLURALS[key].get(lang) or PLURALS[key]["en"]
    template = forms.get(plural_form(n, lang)) or forms["other"]
    return template.format(n=n, **params)


class TranslatedError(Exception):
    """An error a player reads. Its message is a catalogue entry, so the interface can say
    it in the player's language; ``str()`` is the English (the command line, logs)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


def error_text(exc: BaseException, lang: str) -> str:
    """What an error says, in ``lang`` when it is one of ours, else as it is."""
    return exc.text(lang) if isinstance(exc, TranslatedError) else str(exc)


def t(key: str, lang: str, **params: Any) -> str:
    """The string ``key`` in ``lang`` (English when missing), with params filled in."""
    entry = CATALOG[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**params) if params else template


def has(key: str) -> bool:
    return key in CATALOG
