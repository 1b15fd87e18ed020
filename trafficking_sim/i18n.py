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
        "sl": "Interpolovo omrežje I-24/7 (prek Nacionalnega centralnega biroja)",
    },
    "channel_long.direct": {
        "en": "direct contact: phone, e-mail or a meeting",
        "sl": "neposredni stik (telefon, e-pošta ali sestanek)",
    },
    "channel_long.judicial": {
        "en": "judicial cooperation, from prosecutor to prosecutor, with Eurojust",
        "sl": "pravosodno sodelovanje (med tožilci, s pomočjo Eurojusta)",
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
        "sl": "H1: brez dovoljenja posredovalca se ne sme razkriti v sodnem postopku",
    },
    "handling.H2": {
        "en": "H2: not to be passed on without the provider's permission",
        "sl": "H2: brez dovoljenja posredovalca se ne sme deliti z drugimi",
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
        "en": "there is no '{actor}' in this scenario.",
        "sl": "v tem scenariju ni akterja z oznako »{actor}«.",
    },
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
        "en": "there is no fact '{fact_id}' in this scenario.",
        "sl": "v tem scenariju ni podatka »{fact_id}«.",
    },
    "reason.unknown_fact": {
        "en": "you do not know '{fact}' yet. Facts reach you through your own work and through others.",
        "sl": "podatka »{fact}« še ne poznate. Podatke dobite s svojim delom in od drugih.",
    },
    "reason.handling_h2": {
        "en": "you received '{fact}' from {provider} under handling code H2: it may not be passed on without the provider's permission. Ask {provider} first (permission).",
        "sl": "podatek »{fact}« ste prejeli z oznako H2 (posredovalec: {provider}): brez dovoljenja posredovalca ga ne smete deliti z drugimi. Najprej posredovalca prosite za dovoljenje (ukaz »permission«).",
    },
    "reason.handling_h1": {
        "en": "you received '{fact}' from {provider} under handling code H1: it may not be disclosed for judicial proceedings without the provider's permission. Ask {provider} first (permission).",
        "sl": "podatek »{fact}« ste prejeli z oznako H1 (posredovalec: {provider}): brez dovoljenja posredovalca ga ne smete razkriti v sodnem postopku. Najprej posredovalca prosite za dovoljenje (ukaz »permission«).",
    },
    "reason.bad_code": {
        "en": "'{value}' is not a valid {what} code.",
        "sl": "»{value}« ni veljavna vrednost za »{what}«.",
    },
    "reason.unknown_message": {
        "en": "there is no message number {id}.",
        "sl": "sporočila št. {id} ni.",
    },
    "reason.unknown_service": {
        "en": "{agency} offers no '{service}'. It offers: {services}.",
        "sl": "storitev »{service}« ni na voljo (akter: {agency}). Na voljo so: {services}.",
    },
    "reason.wrong_channel": {
        "en": "a request for '{service}' travels by {channel}, which {role} does not use. Roles that can make it: {who}.",
        "sl": "zahteva »{service}« poteka po tej poti: {channel}; vaša vloga ({role}) je ne uporablja. Vloge, ki jo lahko podajo: {who}.",
    },
    "reason.needs_target": {
        "en": "this is done on a fact of this kind: {kinds}. Name one you know.",
        "sl": "potreben je podatek ene od teh vrst: {kinds}. Navedite podatek, ki ga poznate.",
    },
    "reason.wrong_target": {
        "en": "'{fact}' is not of the right kind ({kinds}).",
        "sl": "podatek »{fact}« ni ustrezne vrste (potrebna vrsta: {kinds}).",
    },
    "reason.no_target_needed": {
        "en": "'{service}' is not done on a particular fact; leave the fact out.",
        "sl": "za »{service}« ni treba navesti podatka; izpustite ga.",
    },
    "reason.unknown_action": {
        "en": "there is no action '{action}' for your role.",
        "sl": "vaša vloga nima dejanja »{action}«.",
    },
    "reason.action_done_once": {
        "en": "'{action}' has already been done.",
        "sl": "dejanje »{action}« je že opravljeno.",
    },
    "reason.action_unavailable": {
        "en": "'{action}' is not possible at this moment.",
        "sl": "dejanje »{action}« trenutno ni mogoče.",
    },
    "reason.no_restriction": {
        "en": "'{fact}' carries no handling restriction from another provider; no permission is needed.",
        "sl": "za podatek »{fact}« ne velja omejitev drugega posredovalca; dovoljenje ni potrebno.",
    },
    "reason.permission_pending": {
        "en": "you have already asked for permission to pass on '{fact}'.",
        "sl": "za dovoljenje za posredovanje podatka »{fact}« ste že zaprosili.",
    },
    # --- score reasons -----------------------------------------------------------------------
    "reason.need_met": {
        "en": "{actor} now has '{fact}', which it needed.",
        "sl": "podatek »{fact}« je prišel do prejemnika, ki ga potrebuje: {actor}.",
    },
    "reason.need_met_self": {
        "en": "you now have '{fact}', which you needed.",
        "sl": "zdaj imate podatek »{fact}«, ki ste ga potrebovali.",
    },
    "reason.need_to_know": {
        "en": "personal data ('{fact}') went to {actor}, which did not need it.",
        "sl": "osebni podatki (»{fact}«) so bili poslani prejemniku, ki jih ne potrebuje: {actor}.",
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
        "sl": "Novo na vaši tabli primera: {facts}.",
    },
    "event.action_done": {"en": "Done: {action}.", "sl": "Opravljeno: {action}."},
    "event.inject": {"en": "EVENT: {title}. {text}", "sl": "DOGODEK: {title}. {text}"},
    "event.objective_met": {
        "en": "Objective reached: {objective}",
        "sl": "Cilj dosežen: {objective}",
    },
    "event.permission": {
        "en": "{provider} gives permission to pass on '{fact}'.",
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
    "event.source": {"en": "Source: {source}", "sl": "Vir: {source}"},
    # --- plain mode ----------------------------------------------------------------------------
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
        "en": "There is no actor '{actor}'.{hint} Actors: {actors}.",
        "sl": "Akterja »{actor}« ni.{hint} Akterji: {actors}.",
    },
    "plain.unknown_fact": {
        "en": "There is no fact '{fact}'.{hint} Type 'board' for the facts you know.",
        "sl": "Podatka »{fact}« ni.{hint} Z ukazom »board« si ogledate podatke, ki jih poznate.",
    },
    "plain.unknown_option": {
        "en": "Unknown option '{option}'. Options here: {allowed}.",
        "sl": "Neznana možnost »{option}«. Dovoljene možnosti: {allowed}.",
    },
    "plain.need_recipient": {"en": "Say whom it is for.", "sl": "Navedite prejemnika."},
    "plain.too_many": {
        "en": "Too many words. Separate several ids with commas, without spaces.",
        "sl": "Preveč besed. Več oznak ločite z vejicami, brez presledkov.",
    },
    "plain.bad_handling": {
        "en": "'{value}' is not a handling code; use H0, H1, H2 or H3 (type 'codes').",
        "sl": "»{value}« ni oznaka za ravnanje; uporabite H0, H1, H2 ali H3 (vpišite »codes«).",
    },
    "plain.bad_eval": {
        "en": "'{value}' is not an evaluation; use a source code A, B, C or X and an information code 1-4, such as B2 (type 'codes').",
        "sl": "»{value}« ni veljavna ocena; uporabite oznako vira A, B, C ali X in oznako informacije od 1 do 4, na primer B2 (vpišite »codes«).",
    },
    "plain.bad_number": {
        "en": "'{value}' is not a message number.",
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
        "en": "Your role has no action '{action}'.{hint} Yours: {actions}.",
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
    "plain.board_empty": {"en": "Your case board is empty.", "sl": "Vaša tabla primera je prazna."},
    "plain.own_work": {"en": "your own work", "sl": "vaše delo"},
    "plain.turn_n": {"en": "turn {n}", "sl": "poteza {n}"},
    "plain.fact_unknown": {
        "en": "You do not know '{fact}' yet.",
        "sl": "Podatka »{fact}« še ne poznate.",
    },
    "plain.directory_more": {
        "en": "Type 'actor ID' for what each one does, cannot do, and the requests it takes.",
        "sl": "Z ukazom »actor OZNAKA« izveste, kaj posamezni akter dela, česa ne more in katere zahteve sprejema.",
    },
    "plain.channels": {"en": "Reached by: {channels}.", "sl": "Poti za stik: {channels}."},
    "plain.delays": {
        "en": "Answers in {normal} turn(s); urgent requests in {urgent}.",
        "sl": "Čas do odgovora (v potezah): običajno {normal}, pri nujnih zahtevah {urgent}.",
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
        "sl": "Vaša tabla primera: podatki, ki jih poznate, razvrščeni po vrstah, z navedbo izvora.",
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
        "sl": "Posredovalca informacije z oznako H1/H2 prosite za dovoljenje za nadaljnje posredovanje.",
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
}


def t(key: str, lang: str, **params: Any) -> str:
    """The string ``key`` in ``lang`` (English when missing), with params filled in."""
    entry = CATALOG[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**params) if params else template


def has(key: str) -> bool:
    return key in CATALOG
