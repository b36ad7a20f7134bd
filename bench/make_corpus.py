#!/usr/bin/env python3
"""Deterministic synthetic corpus for the rutinbok benchmark.

Writes, under OUT (default bench/work/corpus-<N>):

  rutinbok/   a content tree in rutinbok's own format (site.yml, routines/, councils/<slug>/...)
  hugo/       a hugo site with the same layered pages (one section per council)
  cmark/      the same layered pages' Markdown bodies, flat, for the raw `cmark` floor
  manifest.json  counts and parameters

Everything comes from one seeded random generator, so the same arguments give the same
bytes. Stdlib only.

The corpus is built to be clean: every link points at a routine and a heading that exist in
every council (overrides keep the base routine's headings), every contact id used as
`owner` or `kontakt:` exists in every council, routines were reviewed within 6 months and
contacts verified within 3 months of TODAY, and sentences are short (LIX well under 50).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata

TODAY = dt.date(2026, 11, 29)
SEED = 20261129
FULL_COUNCILS = 310  # 290 kommuner + 20 regioner
FULL_REGIONS = 20

# --- vocabulary ---------------------------------------------------------------------------

CORE_CONTACTS = {  # used as owner / kontakt: by base routines: present in every council
    "sakerhetssamordnare": ("Säkerhetssamordnare", "säkerhetssamordnaren"),
    "kommunikationschef": ("Kommunikationschef", "kommunikationschefen"),
    "hr": ("HR-stöd för förtroendevalda", "HR-stödet"),
    "namndsekreterare": ("Nämndsekreterare", "nämndsekreteraren"),
}
EXTRA_CONTACTS = {  # 0–4 of these per council; only that council's own routines use them
    "foretagshalsovard": ("Företagshälsovård", "företagshälsovården"),
    "kanslichef": ("Kanslichef", "kanslichefen"),
    "tib": ("Tjänsteperson i beredskap", "tjänstepersonen i beredskap"),
    "jurist": ("Kommunjurist", "juristen"),
    "it-sakerhet": ("Informationssäkerhetssamordnare", "IT-säkerhet"),
    "kontaktcenter": ("Kontaktcenter och växel", "kontaktcenter"),
}

PHASES = ["styrning", "forebygga", "hantera", "efterat", "uppfoljning"]
AUDIENCES = ["alla", "ordforande", "gruppledare", "sakerhet"]

BASE_ROUTINES = [  # id, title, phase
    ("overgripande-rutin", "Övergripande rutin mot hot och hat", "styrning"),
    ("roller-och-ansvar", "Roller och ansvar", "styrning"),
    ("sakerhetspolicy", "Säkerhetspolicy för förtroendevalda", "styrning"),
    ("ansvar-vid-kris", "Ansvar vid kris", "styrning"),
    ("samverkan-med-polisen", "Samverkan med polisen", "styrning"),
    ("budget-for-sakerhet", "Pengar till säkerhetsåtgärder", "styrning"),
    ("informationsklassning", "Känsliga uppgifter om förtroendevalda", "styrning"),
    ("arsplan", "Årsplan för säkerhetsarbetet", "styrning"),
    ("personlig-sakerhet", "Personlig säkerhet", "forebygga"),
    ("sakra-sammantraden", "Säkra sammanträden", "forebygga"),
    ("riskbedomning-infor-sammantraden", "Riskbedömning inför sammanträden", "forebygga"),
    ("sociala-medier", "Sociala medier", "forebygga"),
    ("skyddade-personuppgifter", "Skyddade personuppgifter", "forebygga"),
    ("sakerhet-i-hemmet", "Säkerhet i hemmet", "forebygga"),
    ("resor-och-uppdrag", "Resor och uppdrag utanför kommunen", "forebygga"),
    ("digital-sakerhet", "Digital säkerhet", "forebygga"),
    ("valrorelse", "Säkerhet under valrörelsen", "forebygga"),
    ("offentliga-moten", "Offentliga möten och torgmöten", "forebygga"),
    ("medborgardialog", "Medborgardialog", "forebygga"),
    ("utbildning-och-introduktion", "Utbildning och introduktion", "forebygga"),
    ("trygghetsbesok", "Trygghetsbesök i hemmet", "forebygga"),
    ("pressfragor", "Frågor från medier", "forebygga"),
    ("hotad-just-nu", "Om du blir hotad just nu", "hantera"),
    ("hot-via-telefon", "Hot via telefon", "hantera"),
    ("hot-via-e-post", "Hot via e-post", "hantera"),
    ("hot-i-sociala-medier", "Hot och hat i sociala medier", "hantera"),
    ("misstankt-forsandelse", "Misstänkt försändelse", "hantera"),
    ("dokumentera", "Dokumentera det som hänt", "hantera"),
    ("polisanmalan", "Polisanmäl hot och hat", "hantera"),
    ("hot-mot-familjen", "Hot mot din familj", "hantera"),
    ("oroligheter-pa-sammantraden", "Oroligheter på sammanträden", "hantera"),
    ("obehagliga-besok", "Obehagliga besök i hemmet", "hantera"),
    ("informera-ledningen", "Informera ledningen", "hantera"),
    ("stod-till-dig", "Stöd till dig", "efterat"),
    ("stod-till-familjen", "Stöd till familjen", "efterat"),
    ("krisstod", "Krisstöd efter en allvarlig händelse", "efterat"),
    ("aterga-till-uppdraget", "Att gå tillbaka till uppdraget", "efterat"),
    ("uppfoljning-och-oversyn", "Uppföljning och översyn", "uppfoljning"),
    ("incidentrapportering", "Rapportera händelser", "uppfoljning"),
    ("larande-efter-handelser", "Lärdomar efter händelser", "uppfoljning"),
]

LOCAL_ROUTINES = [  # council additions: id, title
    ("sakerhet-i-kommunhuset", "Säkerhet i kommunhuset"),
    ("larm-i-sessionssalen", "Larm i sessionssalen"),
    ("webbsandning", "Webbsändning av sammanträden"),
    ("bevakning-vid-fullmaktige", "Bevakning vid fullmäktige"),
    ("entreer-och-parkering", "Entréer och parkering"),
    ("lokala-kontaktvagar", "Lokala kontaktvägar"),
    ("samarbete-med-grannar", "Samarbete med grannkommuner"),
    ("lokal-krisledning", "Lokal krisledning"),
    ("beredskap-under-helger", "Beredskap under helger"),
    ("motesrum-och-lokaler", "Mötesrum och lokaler"),
    ("nya-fortroendevalda", "Nya förtroendevalda"),
    ("ungdomsrad", "Ungdomsrådet och dialogen med unga"),
    ("samlingslokaler", "Bygdegårdar och samlingslokaler"),
    ("kommunens-fordon", "Resor med kommunens bilar"),
    ("stod-fran-halsan", "Stöd från företagshälsan"),
]

H2 = [
    "Gör så här", "Det här gäller", "Innan sammanträdet", "Under sammanträdet", "Efter händelsen",
    "Om det händer igen", "Vem gör vad", "Bevara bevis", "Tänk på", "När du är hemma",
    "Stöd och hjälp", "Vanliga frågor", "Så rapporterar du", "Checklista", "Bakgrund",
    "Kommunens ansvar", "Ditt eget ansvar", "Prata med någon", "Om det är akut", "Om det inte är akut",
    "Planera i förväg", "Följ upp", "Skydda dina uppgifter", "När du reser", "Exempel på hot",
    "Säg ifrån", "Samarbete med polisen", "Information till gruppen", "Lokaler och larm", "Din familj",
    "Mejl och brev", "Telefon och sms", "Nätet och sociala medier", "Utbildning", "Ledningens roll",
]
H3 = [
    "För ordföranden", "För gruppledaren", "För nämndsekreteraren", "För säkerhetsfunktionen",
    "Första timmen", "Första veckan", "Om du är ensam", "Om ni är flera", "På kvällen", "På helgen",
    "I kommunhuset", "Utanför kommunhuset", "Skärmdumpar", "Anteckningar", "Vittnen",
]

SENTENCES = [
    "Lita på din känsla.", "Det är bättre att agera en gång för mycket än en gång för lite.",
    "Du är inte ensam.", "Kommunen har ansvar för din säkerhet i uppdraget.",
    "Ring 112 om någon är i fara.", "Ring 114 14 om det inte är akut.",
    "Skriv ner vad som hände så snart du kan.", "Spara alla meddelanden.",
    "Radera inget, även om det känns jobbigt.", "Ta skärmdumpar med datum och tid.",
    "Berätta för någon du litar på.", "Prata med din gruppledare.",
    "Hot mot dig är ett hot mot demokratin.", "Många förtroendevalda har varit med om samma sak.",
    "Det är inte ditt fel.", "Du bestämmer själv hur mycket du vill berätta.",
    "Var sparsam med vad du visar om ditt hem.", "Lägg inte ut bilder där man ser var du bor.",
    "Stäng av platsdelning i mobilen.", "Använd ett starkt lösenord och tvåstegsinloggning.",
    "Svara inte på hot.", "Gå inte in i en diskussion med den som hotar.",
    "Blockera och anmäl kontot.", "Polisanmäl alltid hot.",
    "Säg att du är förtroendevald när du anmäler.", "Skriv ner diarienumret du får.",
    "Ordföranden leder mötet och kan ajournera det.", "Ha en plan för hur ni lämnar lokalen.",
    "Gör en riskbedömning före stora möten.", "Fråga om väktare om läget är spänt.",
    "Kolla att larmet fungerar före mötet.", "Ha telefonen laddad och nära till hands.",
    "Gå inte ensam till bilen sent på kvällen.", "Välj en plats med andra människor.",
    "Håll avstånd till den som är arg.", "Prata lugnt och bråka inte.",
    "Lova inget som du inte kan hålla.", "Lägg märke till hur personen ser ut.",
    "Din familj kan också behöva stöd.", "Barn behöver få veta vad som händer på ett sätt de förstår.",
    "Du kan få samtalsstöd via företagshälsovården.", "Stödet är gratis för dig.",
    "Ta den tid du behöver.", "Det är vanligt att må dåligt efteråt.",
    "Sömnen kan bli sämre en tid.", "Säg till om du behöver en paus från uppdraget.",
    "Gruppen kan dela på tunga uppgifter.", "Ledningen ska få veta vad som har hänt.",
    "Händelsen ska rapporteras, även om den verkar liten.", "Rapporterna hjälper oss att se mönster.",
    "Vi går igenom rutinen varje år.", "Berätta om något i rutinen inte fungerar.",
    "Nya förtroendevalda får rutinen när de börjar.", "Alla ska veta var rutinen finns.",
    "Utbildningen tar en kväll.", "Du kan gå utbildningen digitalt.",
    "Öppna inte ett paket som ser konstigt ut.", "Lägg ner försändelsen och gå ut ur rummet.",
    "Tvätta händerna om du har rört vid den.", "Låt bli att skaka eller lukta på innehållet.",
    "Skyddade personuppgifter kan sökas hos Skatteverket.", "Du kan använda kommunhusets adress i uppdraget.",
    "Medierna får ställa frågor till dig.", "Du väljer själv om du vill svara.",
    "Kommunikationschefen kan hjälpa dig med svaret.", "Tänk efter innan du delar något i vredesmod.",
    "Ta en kort paus innan du svarar.", "Det mesta går att lösa i lugn och ro.",
    "Kontakta polisen om någon står utanför ditt hem.", "Lås dörren och ring 112 om du känner dig hotad.",
    "Ta med dig någon när du träffar en okänd person.", "Träffas hellre i kommunhuset än hemma.",
    "Berätta för kansliet var du har möten.", "Stäm av läget med säkerhetssamordnaren.",
    "Under valåret ökar hoten ofta.", "Ha extra koll vid torgmöten och debatter.",
    "Var aldrig ensam vid ett valbord.", "Det finns en larmapp som du kan få.",
    "Rutinen gäller alla förtroendevalda.", "Ersättare omfattas på samma sätt.",
    "Nämnden ansvarar för att rutinen följs.", "Kommunstyrelsen beslutar om rutinen.",
]

CONTACT_SENTENCES = [
    "Kontakta [{label}](kontakt:{id}) om du är osäker.",
    "Du kan alltid ringa [{label}](kontakt:{id}).",
    "Berätta för [{label}](kontakt:{id}) vad som har hänt.",
    "Fråga [{label}](kontakt:{id}) om du behöver hjälp.",
]
LINK_SENTENCES = [
    "Läs mer i [{title}]({target}).",
    "Se också [{title}]({target}).",
    "Hur du gör står i [{title}]({target}).",
]
EMPHASIS = ["**Gör det nu.**", "*Vänta inte.*", "**Ring 112** om det är akut.", "Det här är *viktigt*."]

TABLES = [
    ("| Läge | Vad du gör |\n| --- | --- |\n"
     "| Någon är i fara | Ring [112](tel:112) |\n"
     "| Brott i efterhand | Ring [114 14](tel:11414) |\n"
     "| Du behöver prata | Ring [1177](tel:1177) |"),
    ("| Vem | Ansvar |\n| --- | --- |\n| Ordföranden | Leder mötet och kan ajournera |\n"
     "| Nämndsekreteraren | Bokar lokal och kollar larmet |\n| Säkerhetssamordnaren | Gör riskbedömningen |"),
    ("| När | Vad |\n| :--- | :--- |\n| En vecka före | Riskbedömning |\n"
     "| Dagen före | Kolla larm och utgångar |\n| Efter mötet | Kort uppföljning |"),
]
CODE_BLOCKS = [
    "```text\nHej! Jag har tagit emot ett hot.\nDatum: ____  Tid: ____\nVad hände: ______________\n```",
    "```text\nÄmne: Händelse att rapportera\nVem: ____\nVar: ____\nVad: ____\n```",
    "```\nSvar till den som skriver:\nTack för ditt meddelande. Jag svarar inte på hot.\n```",
]
CALLOUTS = [
    "> [!VIKTIGT]\n> Ring [112](tel:112) om någon är i fara.",
    "> [!TIPS]\n> Spara bevis innan du blockerar någon.",
    "> [!OBS]\n> Säkerhetssamordnaren är inte en larmcentral.",
]

PLACES = ["Ån", "Berg", "Dal", "Holm", "Vik", "Sjö", "Näs", "Ås", "Mo", "Tuna", "Fors", "Lid", "Rum", "Hed",
          "Torp", "Stad", "Köping", "Hamn", "Bro", "Mark", "Lund", "Myra", "Sund", "Backa", "Ryd"]
PREFIXES = ["Norr", "Söder", "Öster", "Väster", "Stor", "Lill", "Ny", "Gam", "Hög", "Lång", "Björk", "Ek",
            "Gran", "Tall", "Sand", "Sten", "Kall", "Varm", "Mörk", "Ljus"]
FIRST = ["Anna", "Erik", "Fatima", "Johan", "Sara", "Ali", "Maria", "Lars", "Emma", "Omar", "Karin", "Nils",
         "Elin", "Hugo", "Lina", "Per", "Amira", "Oskar", "Tove", "Mats"]
LAST = ["Exempel", "Påhittad", "Fiktiv", "Låtsas", "Modell", "Tänkt", "Testsson", "Inbillad", "Skenbar", "Kuliss"]
COLORS = ["#1d4f73", "#6b1d3a", "#2f5d3a", "#4a2d73", "#8a1c1c", "#005a70", "#7a3b00", "#333366", "#1f4e5f"]


def slug(text: str) -> str:
    """Same rule as rutinbok's Slug.make: fold diacritics, keep a–z0–9, dashes between."""
    out, pending = [], False
    for ch in text:
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            folded = ch
        elif "A" <= ch <= "Z":
            folded = ch.lower()
        elif ch in "æÆ":
            folded = "ae"
        elif ch in "øØ":
            folded = "o"
        elif ch == "ß":
            folded = "ss"
        elif ord(ch) < 128:
            folded = ""
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            folded = base.lower() if base.isascii() and base.isalnum() else ""
            if not folded and unicodedata.category(ch) == "Mn":
                continue
        if not folded:
            pending = bool(out)
            continue
        if pending:
            out.append("-")
            pending = False
        out.append(folded)
    return "".join(out)


def lix(markdown: str) -> float:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", " ", text)
    words = re.findall(r"[A-Za-zÅÄÖåäöÉé0-9-]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]", text)) + text.count("\n#"))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100 * long_words / max(1, len(words))


def day_between(rng: random.Random, earliest: dt.date, latest: dt.date) -> dt.date:
    return earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))


# --- routine bodies -------------------------------------------------------------------------

class Routine:
    def __init__(self, rid, title, phase, order, owner, audience, headings, reviewed, summary, body=""):
        self.id, self.title, self.phase, self.order = rid, title, phase, order
        self.owner, self.audience, self.headings = owner, audience, headings
        self.reviewed, self.summary, self.body = reviewed, summary, body

    def front_matter(self) -> str:
        return (f"---\ntitle: {self.title}\nsummary: {self.summary}\nphase: {self.phase}\n"
                f"order: {self.order}\naudience: [{', '.join(self.audience)}]\nowner: {self.owner}\n"
                f"reviewed: {self.reviewed.isoformat()}\n---\n\n")

    def text(self) -> str:
        return self.front_matter() + self.body


def paragraph(rng: random.Random, contacts: dict, links: list, extra: str = "") -> str:
    sentences = rng.sample(SENTENCES, rng.randint(2, 4))
    if rng.random() < 0.3:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(EMPHASIS))
    if contacts and rng.random() < 0.35:
        cid = rng.choice(sorted(contacts))
        sentences.append(rng.choice(CONTACT_SENTENCES).format(label=contacts[cid], id=cid))
    if links and rng.random() < 0.5:
        title, target = links.pop()
        sentences.append(rng.choice(LINK_SENTENCES).format(title=title, target=target))
    if extra:
        sentences.insert(0, extra)
    return " ".join(sentences)


def bullet_list(rng: random.Random, ordered: bool) -> str:
    items = rng.sample(SENTENCES, rng.randint(3, 6))
    if ordered:
        return "\n".join(f"{i}. {s}" for i, s in enumerate(items, 1))
    return "\n".join(f"- {s}" for s in items)


def make_body(rng: random.Random, headings: list, target_size: int, contacts: dict, links: list,
              card_contact: str, card_label: str, h3: list, extra: str = "") -> str:
    """Sections in `headings` order, filled until the body reaches about `target_size` bytes.

    `headings` is fixed up front (links from other routines point at them); `h3` holds
    sub-headings this routine may use, at most once each.
    """
    blocks = [paragraph(rng, contacts, links, extra)]
    sections = [[f"## {h}"] for h in headings]
    h3 = list(h3)
    # every section gets at least one block, then more go round-robin until the size is reached
    fillers = ["p", "p", "p", "ul", "ol", "table", "code", "callout", "h3"]
    used_table = used_code = False
    i = 0
    while True:
        size = sum(len(b) + 2 for b in blocks) + sum(len(x) + 2 for s in sections for x in s)
        if size >= target_size - 150 and i >= len(sections):
            break
        sec = sections[i % len(sections)]
        kind = rng.choice(fillers) if i >= len(sections) else "p"
        if kind == "p":
            sec.append(paragraph(rng, contacts, links))
        elif kind in ("ul", "ol"):
            sec.append(bullet_list(rng, kind == "ol"))
        elif kind == "table" and not used_table:
            sec.append(rng.choice(TABLES)); used_table = True
        elif kind == "code" and not used_code and rng.random() < 0.5:
            sec.append(rng.choice(CODE_BLOCKS)); used_code = True
        elif kind == "callout":
            sec.append(rng.choice(CALLOUTS))
        elif kind == "h3" and h3:
            sec.append(f"### {h3.pop()}")
            sec.append(paragraph(rng, contacts, links))
        else:
            sec.append(paragraph(rng, contacts, links))
        i += 1
    while links:  # every planned link is written
        sections[rng.randrange(len(sections))].append(paragraph(rng, {}, [links.pop()]))
    out = blocks + [x for s in sections for x in s]
    out.append("## Kontakt")
    out.append(f"[{card_label}](kontakt:{card_contact})")
    return "\n\n".join(out) + "\n"


def plan_links(rng: random.Random, base: list, exclude_id: str, count: int) -> list:
    links = []
    for other in rng.sample([r for r in base if r.id != exclude_id], count):
        if rng.random() < 0.7:
            anchor = slug(rng.choice(other.headings))
            links.append((other.title, f"{other.id}.md#{anchor}"))
        else:
            links.append((other.title, f"{other.id}.md"))
    return links


def base_routines(rng: random.Random) -> list:
    routines = []
    orders = {p: 10 for p in PHASES}
    for rid, title, phase in BASE_ROUTINES:
        headings = rng.sample(H2, rng.randint(4, 6))
        owner = rng.choice(sorted(CORE_CONTACTS))
        audience = ["alla"] + sorted(rng.sample(AUDIENCES[1:], rng.randint(0, 2)))
        summary = f"{title} – vad du gör och vem du kontaktar."
        reviewed = day_between(rng, TODAY - dt.timedelta(days=170), TODAY - dt.timedelta(days=1))
        routines.append(Routine(rid, title, phase, orders[phase], owner, audience, headings, reviewed, summary))
        orders[phase] += 10
    core = {cid: label for cid, (_, label) in CORE_CONTACTS.items()}
    for r in routines:
        r.body = ""
        while not 1500 <= len(r.body.encode()) <= 4000:  # 1.5–4 KB, as a real routine
            links = plan_links(rng, routines, r.id, rng.randint(1, 3))
            size = rng.randint(1600, 3700)
            r.body = make_body(rng, r.headings, size, core, links, r.owner, CORE_CONTACTS[r.owner][0],
                               rng.sample(H3, 2))
    return routines


# --- councils -------------------------------------------------------------------------------

def council_name(rng: random.Random, used: set) -> str:
    for _ in range(50):
        name = rng.choice(PREFIXES) + rng.choice(PLACES).lower()
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(PREFIXES)}{rng.choice(PLACES).lower()} {len(used) + 1}"
    used.add(name)
    return name


def council_yaml(slug_, name, kind, contacts, rng) -> str:
    lines = [f"name: {name}", f"kind: {kind}", f"population: {rng.randint(2500, 400000)}",
             f'theme: {{ color: "{rng.choice(COLORS)}" }}', "contacts:"]
    domain = slug_ + ".example"
    for n, (cid, role) in enumerate(contacts.items(), 1):
        verified = day_between(rng, TODAY - dt.timedelta(days=85), TODAY - dt.timedelta(days=1))
        lines += [f"  {cid}:", f"    role: {role}", f"    name: {rng.choice(FIRST)} {rng.choice(LAST)}",
                  f'    phone: "070-000 {rng.randint(10, 99)} {n:02d}"', f"    email: {cid}@{domain}",
                  "    hours: Vardagar 08.00–16.30", f"    verified: {verified.isoformat()}"]
    assessed = day_between(rng, TODAY - dt.timedelta(days=150), TODAY - dt.timedelta(days=1))
    lines += ["accessibility:", "  status: helt", "  shortcomings: []", f"  feedback_email: webb@{domain}",
              f"  assessed: {assessed.isoformat()}"]
    return "\n".join(lines) + "\n"


def override_body(rng: random.Random, base: Routine, name: str) -> str:
    """The base body with about half its plain paragraphs rewritten; headings stay the same."""
    blocks = base.body.split("\n\n")
    out = []
    for b in blocks:
        plain = b and b[0].isalpha() and "kontakt:" not in b and ".md" not in b
        if plain and rng.random() < 0.5:
            out.append(paragraph(rng, {}, [], f"I {name} gäller det här särskilt."))
        else:
            out.append(b)
    return "\n\n".join(out).rstrip("\n") + "\n"


def make_councils(rng: random.Random, base: list, count: int) -> list:
    regions = round(count * FULL_REGIONS / FULL_COUNCILS) if count >= 8 else (1 if count >= 3 else 0)
    used: set = set()
    councils = []
    for n in range(count):
        is_region = n >= count - regions
        kind = "region" if is_region else "kommun"
        number = (n - (count - regions) + 1) if is_region else n + 1
        cslug = f"{kind}-{number:03d}"
        place = council_name(rng, used)
        name = f"Region {place}" if is_region else f"{place} kommun"
        contacts = {cid: role for cid, (role, _) in CORE_CONTACTS.items()}
        for cid in sorted(rng.sample(sorted(EXTRA_CONTACTS), rng.randint(0, 4))):
            contacts[cid] = EXTRA_CONTACTS[cid][0]
        labels = {cid: (CORE_CONTACTS.get(cid) or EXTRA_CONTACTS[cid])[1] for cid in contacts}
        overrides = []
        for b in rng.sample(base, rng.randint(8, 12)):
            reviewed = day_between(rng, TODAY - dt.timedelta(days=170), TODAY - dt.timedelta(days=1))
            r = Routine(b.id, b.title, b.phase, b.order, b.owner, b.audience, b.headings, reviewed, b.summary)
            r.body = override_body(rng, b, name)
            overrides.append(r)
        additions = []
        for lid, title in rng.sample(LOCAL_ROUTINES, rng.randint(2, 4)):
            owner = rng.choice(sorted(contacts))
            headings = rng.sample(H2, rng.randint(3, 5))
            reviewed = day_between(rng, TODAY - dt.timedelta(days=170), TODAY - dt.timedelta(days=1))
            r = Routine(lid, title, rng.choice(PHASES), rng.randint(1, 9) * 10 + 5, owner, ["alla"], headings,
                        reviewed, f"Hur {name} arbetar med {title[0].lower() + title[1:]}.")
            additions.append(r)
        for r in additions:
            links = plan_links(rng, base, "", rng.randint(1, 2))
            others = [a for a in additions if a.id != r.id]
            if others and rng.random() < 0.5:
                o = rng.choice(others)
                links.append((o.title, f"{o.id}.md#{slug(o.headings[0])}"))
            r.body = make_body(rng, r.headings, rng.randint(1500, 3500), labels, links, r.owner,
                               contacts[r.owner], rng.sample(H3, 1), f"Det här gäller bara i {name}.")
        councils.append({"slug": cslug, "name": name, "kind": kind,
                         "yaml": council_yaml(cslug, name, kind, contacts, rng),
                         "overrides": overrides, "additions": additions})
    return councils


# --- writing --------------------------------------------------------------------------------

SITE_YML = """title: Handbok mot hot och hat mot förtroendevalda (benchmark)
description: Syntetiskt innehåll för prestandamätning. Alla namn och nummer är påhittade.
phases:
  - { id: styrning, label: Styrning och ansvar }
  - { id: forebygga, label: Förebygga }
  - { id: hantera, label: Hantera en händelse }
  - { id: efterat, label: Stöd efteråt }
  - { id: uppfoljning, label: Uppföljning }
audiences:
  - { id: alla, label: Alla förtroendevalda }
  - { id: ordforande, label: Ordförande och presidier }
  - { id: gruppledare, label: Gruppledare }
  - { id: sakerhet, label: Säkerhetsfunktionen }
national_numbers:
  - { id: nodlage, label: "Nödläge – polis, ambulans, räddningstjänst", number: "112", description: "Ring när det är akut." }
  - { id: polisen, label: "Polisen, inte akut", number: "114 14", description: "Ring för att anmäla ett brott när det inte är akut." }
  - { id: sjukvard, label: Sjukvårdsrådgivning, number: "1177", description: "Ring för råd om vård och hälsa." }
  - { id: kris, label: Information vid olyckor och kriser, number: "113 13", description: "Ring för information vid kriser." }
  - { id: brottsofferjouren, label: Brottsofferjourens stödlinje, number: "116 006", description: "Ring för stöd om du har utsatts för brott." }
defaults:
  review_interval_months: 12
  verify_interval_months: 6
  lix_threshold: 50
"""

HUGO_CONFIG = """baseURL = "https://example.invalid/"
languageCode = "sv"
title = "Handbok (benchmark)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
enableGitInfo = false
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<nav aria-label="Rutiner"><h2>{{ .CurrentSection.Title }}</h2><ul>
{{ range .CurrentSection.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<article><h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
""",
}


def check_layered(layered: dict, contact_ids: set) -> list:
    """What rutinbok's check stage would complain about: links, anchors, contacts, dates."""
    problems = []
    for r in layered.values():
        headings = {slug(h) for h in re.findall(r"^#{2,6} (.+)$", r.body, re.M)}
        if len(headings) != len(re.findall(r"^#{2,6} ", r.body, re.M)):
            problems.append(f"{r.id}: two headings with one slug")
        if r.owner not in contact_ids:
            problems.append(f"{r.id}: owner {r.owner} is not a contact")
        if not TODAY - dt.timedelta(days=182) <= r.reviewed < TODAY:
            problems.append(f"{r.id}: reviewed {r.reviewed}")
        for target in re.findall(r"\]\(([^)]*)\)", r.body):
            if target.startswith("kontakt:"):
                if target[8:] not in contact_ids:
                    problems.append(f"{r.id}: unknown contact {target}")
            elif ".md" in target:
                rid, _, anchor = target.partition("#")
                other = layered.get(rid[:-3])
                if other is None:
                    problems.append(f"{r.id}: link to missing routine {target}")
                elif anchor and anchor not in {slug(h) for h in re.findall(r"^#{2,6} (.+)$", other.body, re.M)}:
                    problems.append(f"{r.id}: link to missing heading {target}")
    return problems


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(out: str, count: int) -> dict:
    rng = random.Random(SEED)
    base = base_routines(rng)
    councils = make_councils(rng, base, count)
    tmp = out + ".partial"
    if os.path.exists(tmp):
        shutil.rmtree(tmp)
    rb, hugo, cm = (os.path.join(tmp, x) for x in ("rutinbok", "hugo", "cmark"))
    write(os.path.join(rb, "site.yml"), SITE_YML)
    for r in base:
        write(os.path.join(rb, "routines", r.id + ".md"), r.text())
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", rel), text)
    write(os.path.join(hugo, "content", "_index.md"), "---\ntitle: Alla kommuner och regioner\n---\n")
    os.makedirs(cm, exist_ok=True)
    phase_rank = {p: i for i, p in enumerate(PHASES)}
    pages = overrides = additions = 0
    sizes, lixes = [], []
    for c in councils:
        cdir = os.path.join(rb, "councils", c["slug"])
        write(os.path.join(cdir, "council.yml"), c["yaml"])
        for r in c["overrides"] + c["additions"]:
            write(os.path.join(cdir, "routines", r.id + ".md"), r.text())
        layered = {r.id: r for r in base}
        layered.update({r.id: r for r in c["overrides"]})
        layered.update({r.id: r for r in c["additions"]})
        problems = check_layered(layered, set(re.findall(r"^  ([a-z0-9-]+):$", c["yaml"], re.M)))
        if problems:
            raise SystemExit(f"make_corpus: {c['slug']}: " + "; ".join(problems[:5]))
        overrides += len(c["overrides"])
        additions += len(c["additions"])
        write(os.path.join(hugo, "content", c["slug"], "_index.md"), f"---\ntitle: {c['name']}\n---\n")
        for r in layered.values():
            weight = phase_rank[r.phase] * 1000 + r.order
            write(os.path.join(hugo, "content", c["slug"], r.id + ".md"),
                  f"---\ntitle: \"{r.title}\"\nweight: {weight}\n---\n\n{r.body}")
            with open(os.path.join(cm, f"{c['slug']}--{r.id}.md"), "w", encoding="utf-8") as f:
                f.write(r.body)
            pages += 1
        for r in c["overrides"] + c["additions"]:
            sizes.append(len(r.body.encode()))
            lixes.append(lix(r.body))
    base_sizes = [len(r.body.encode()) for r in base]
    manifest = {
        "councils": count, "kommuner": sum(c["kind"] == "kommun" for c in councils),
        "regioner": sum(c["kind"] == "region" for c in councils),
        "base_routines": len(base), "overrides": overrides, "additions": additions,
        "layered_pages": pages, "seed": SEED, "today": TODAY.isoformat(),
        "base_body_bytes": {"min": min(base_sizes), "max": max(base_sizes),
                            "mean": round(sum(base_sizes) / len(base_sizes))},
        "max_lix": round(max([lix(r.body) for r in base] + lixes), 1),
        # what the benchmark edits for the one-change rebuilds
        "change_base": base[0].id,
        "change_council": {"slug": councils[0]["slug"], "routine": councils[0]["overrides"][0].id} if councils else None,
    }
    with open(os.path.join(tmp, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(tmp, out)
    return manifest


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--councils", type=int, default=FULL_COUNCILS, help="number of councils (default 310)")
    ap.add_argument("--out", help="output folder (default bench/work/corpus-<N>)")
    args = ap.parse_args()
    if args.councils < 1:
        ap.error("--councils must be at least 1")
    out = args.out or os.path.join(here, "work", f"corpus-{args.councils}")
    manifest = generate(out, args.councils)
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
