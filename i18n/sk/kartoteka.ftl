# Okno Kartoteky po slovensky.
#
# Rovnaké identifikátory správ ako en/kartoteka.ftl (testy to strážia oboma
# smermi). Počty podľa pravidiel CLDR pre slovenčinu: one (1), few (2–4),
# many (desatinné čísla), other (0, 5 a viac).
# Názvy polí podľa slovenských názvov IPTC.

## Slovník archívu

field-title = Názov
field-headline = Titulok
field-caption = Popis
field-creators = Autor
field-credit = Kredit
field-copyright = Autorské práva
field-source = Zdroj
field-instructions = Pokyny
field-job-id = Identifikátor zákazky
field-sublocation = Miesto
field-city = Mesto
field-state = Kraj/štát
field-country = Krajina
field-country-code = Kód krajiny
field-keywords = Kľúčové slová
field-hierarchical-keywords = Hierarchické kľúčové slová
field-people = Osoby
field-event = Udalosť
field-date-created = Dátum zobrazeného deja
field-digital-source-type = Typ digitálneho zdroja
attribute-note = Poznámka v katalógu
attribute-rating = Hodnotenie
attribute-flag = Príznak
attribute-label = Farebný štítok
label-red = Červený
label-yellow = Žltý
label-green = Zelený
label-blue = Modrý
label-purple = Fialový
source-kind-article = Článok
source-kind-book = Kniha
source-kind-archival = Archívny dokument
source-kind-sleeve = Obal negatívu alebo poznámky fotografa
source-kind-oral = Ústne svedectvo
source-kind-website = Webová stránka
source-kind-other = Iný
certainty-certain = isté
certainty-probable = pravdepodobné
certainty-possible = možné
sort-depicted = Dátum zobrazeného deja
sort-taken = Dátum snímania
sort-imported = Poradie importu
sort-title = Názov
sort-rating = Hodnotenie
sort-file-name = Názov súboru
sort-set-order = Poradie v sade
sort-keywords = Kľúčové slová
sort-camera = Fotoaparát
sort-note = Poznámka v katalógu

## Nastavenia

backup-schedule-never = Nikdy
backup-schedule-daily = Raz denne, pri ukončení
backup-schedule-weekly = Raz týždenne, pri ukončení
column-file = Súbor
column-title = Názov
column-headline = Titulok
column-caption = Popis
column-creators = Autor
column-credit = Kredit
column-copyright = Autorské práva
column-source = Zdroj
column-depicted = Zobrazený dej
column-taken = Snímané
column-rating = Hodnotenie
column-event = Udalosť
column-people = Osoby
column-sublocation = Miesto
column-city = Mesto
column-state = Kraj/štát
column-country = Krajina
column-keywords = Kľúčové slová
column-camera = Fotoaparát
column-note = Poznámka

## Ponuky a horná lišta

menu-file = Súbor
menu-edit = Úpravy
menu-photo = Fotografia
menu-view = Zobrazenie
menu-help = Pomocník
menu-keyboard-reference = Klávesové skratky
menu-about = O aplikácii Kartoteka
menu-import-folder = Importovať priečinok…
menu-export-csv = Exportovať CSV…
menu-import-csv = Importovať CSV…
menu-write-sidecars = Zapísať sprievodné súbory XMP k výberu
menu-copies-with-metadata = Kópie výberu s metadátami…
menu-embed-metadata = Vložiť metadáta do vybraných originálov…
menu-export-set = Exportovať sadu „{ $set }“…
menu-optimize = Optimalizovať katalóg
menu-quit = Ukončiť
menu-undo = Späť
menu-undo-what = Späť: { $what }
menu-redo = Znova
menu-redo-what = Znova: { $what }
menu-select-all = Vybrať všetko
menu-select-none = Zrušiť výber
menu-find = Hľadať
menu-open-full-size = Otvoriť v plnej veľkosti
menu-write-caption = Písať popis
menu-add-keyword = Pridať kľúčové slovo
menu-add-to-set = Pridať do sady…
menu-no-stars = Bez hviezdičiek
menu-stars = { $stars } { $count ->
    [one] { $count } hviezdička
    [few] { $count } hviezdičky
    [many] { $count } hviezdičky
   *[other] { $count } hviezdičiek
}
menu-pick = Vybrať
menu-reject = Zamietnuť
menu-unflag = Zrušiť príznak
menu-no-label = Bez farebného štítku
menu-remove-from-set = Odobrať zo sady „{ $set }“
menu-inspector = Inšpektor
menu-keyword-counts-follow = Počty pri kľúčových slovách podľa výsledku
menu-keyword-counts-follow-hint = Strom kľúčových slov počíta fotografie výsledku hľadania, nie celého katalógu
menu-language = Jazyk
menu-zoom-in = Zväčšiť
menu-zoom-out = Zmenšiť
menu-zoom-reset = Skutočná veľkosť (teraz { $percent } %)
menu-theme-dark = Tmavý vzhľad
menu-theme-light = Svetlý vzhľad
key-zoom-keys = Ctrl+Plus, Ctrl+Minus, Ctrl+0
key-zoom-what = Zväčšiť, zmenšiť celé okno a vrátiť na 100 % (zostane aj pre ďalšie spustenie)
language-system = Podľa systému ({ $language })
language-english = English
language-czech = Čeština
language-slovak = Slovenčina
view-grid = Mriežka
view-grid-hint = Náhľady ({ $shortcut })
view-table = Tabuľka
view-table-hint = Riadky a stĺpce ({ $shortcut })
thumbnail-size = Veľkosť náhľadov
search-error = ⚠ { $error }
search-hint = Hľadať: kyndrova date:1991 keyword:armáda …
search-name = Hľadať
sort-by = Zoradiť podľa
sort-descending-hint = Zostupne; kliknutím vzostupne
sort-ascending-hint = Vzostupne; kliknutím zostupne
sort-reverse = Obrátiť poradie

## Čo hlási vlákno katalógu

photo-count = { $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
worker-not-started = vlákno katalógu sa nepodarilo spustiť: { $error }
worker-no-folder = { $path }: nepodarilo sa vytvoriť jeho priečinok: { $error }
worker-no-catalogue = V { $path } nie je žiadny katalóg (bol presunutý, alebo nie je pripojený jeho disk?)
worker-exists = { $path } už existuje; nový katalóg nikdy nenahradí súbor (otvorí ho Súbor > Otvoriť katalóg…)
worker-not-restored = Nič nebolo obnovené: { $error }
worker-open-failed = { $path }: { $error }
read-history = históriu úprav: { $error }
read-details = údaje o fotografiách: { $error }
read-rows = riadky tabuľky: { $error }
read-sidebar = bočný panel: { $error }
edit-nothing = { $what }: nie je čo meniť
edit-done = { $what } – { $whom }
undid = Vrátené späť: { $what }
redid = Znova vykonané: { $what }
nothing-to-undo = Nie je čo vrátiť
nothing-to-redo = Nie je čo vykonať znova
undo-failed = vrátenie späť zlyhalo: { $error }
redo-failed = opakovanie zlyhalo: { $error }
set-created = Vytvorená sada „{ $set }“
set-created-with = Vytvorená sada „{ $set }“ s { $count ->
    [one] { $count } fotografiou
   *[other] { $count } fotografiami
}
set-renamed = Sada „{ $old }“ premenovaná na „{ $new }“
set-added = Do sady „{ $set }“ { $count ->
    [one] pridaná { $count } fotografia
    [few] pridané { $count } fotografie
    [many] pridané { $count } fotografie
   *[other] pridaných { $count } fotografií
}
set-removed = Zo sady „{ $set }“ { $count ->
    [one] odobratá { $count } fotografia (Ctrl+Z ju vráti)
    [few] odobraté { $count } fotografie (Ctrl+Z ich vráti)
    [many] odobraté { $count } fotografie (Ctrl+Z ich vráti)
   *[other] odobratých { $count } fotografií (Ctrl+Z ich vráti)
}
set-moved = { $count ->
    [one] { $count } fotografia presunutá
    [few] { $count } fotografie presunuté
    [many] { $count } fotografie presunuté
   *[other] { $count } fotografií presunutých
} na pozíciu { $position } v sade „{ $set }“
wall-label-saved = Výstavná popiska uložená v sade „{ $set }“
set-deleted = Zmazaná „{ $set }“ (Ctrl+Z ju vráti)
search-saved = Hľadanie uložené ako „{ $name }“
keyword-renamed = { $old } premenované na { $new }: { $count ->
    [one] { $count } fotografia ide s ním
    [few] { $count } fotografie idú s ním
    [many] { $count } fotografie idú s ním
   *[other] { $count } fotografií ide s ním
}
keyword-merged = { $from } zlúčené do { $into }: { $count ->
    [one] zmenená { $count } fotografia
    [few] zmenené { $count } fotografie
    [many] zmenené { $count } fotografie
   *[other] zmenených { $count } fotografií
}
keyword-deleted = Kľúčové slovo { $keyword } odobraté z { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
} (Ctrl+Z ho vráti)
template-applied = Šablóna „{ $name }“ – { $whom }
job-sidecars = Zápis sprievodných súborov XMP
job-copies = Zápis kópií s metadátami
job-embed = Vkladanie metadát do originálov
job-export-set = Export sady „{ $set }“
job-optimize = Optimalizácia katalógu
job-backup = Zálohovanie katalógu
job-failed = { $what }: { $error }
job-not-started = { $what } sa nepodarilo spustiť: { $error }
job-error = Chyba: { $error }
job-some-failed = { $message }; { $count } zlyhalo
job-cancelled-left = { $message }; zrušené, zostáva { $count }
optimize-cancelled = Optimalizácia bola zrušená; katalóg je taký, aký bol
optimize-done = Katalóg optimalizovaný za { $seconds } s
backup-recent-enough = Posledná záloha z { $when } je dosť čerstvá
backed-up = { $count ->
    [one] Zálohovaná { $count } fotografia
    [few] Zálohované { $count } fotografie
    [many] Zálohované { $count } fotografie
   *[other] Zálohovaných { $count } fotografií
} do { $path } (celistvosť overená)
backed-up-pruned = { $message }; { $count ->
    [one] zmazaná { $count } staršia záloha
    [few] zmazané { $count } staršie zálohy
    [many] zmazané { $count } staršie zálohy
   *[other] zmazaných { $count } starších záloh
}
backup-cancelled = Zálohovanie bolo zrušené; nič nebolo zapísané
backup-failed = záloha nebola vytvorená: { $error }
claim-preferred = Tvrdenie je uprednostnené
claim-removed = Tvrdenie odobraté (Ctrl+Z ho vráti)
claim-changed = Tvrdenie zmenené
claim-there-already = Tvrdenie tam už bolo: nie je čo pridať
claim-added = Pridané tvrdenie – { $whom }
source-changed = Prameň zmenený
source-merged = Prameň zlúčený; { $count ->
    [one] presunuté { $count } tvrdenie
    [few] presunuté { $count } tvrdenia
    [many] presunuté { $count } tvrdenia
   *[other] presunutých { $count } tvrdení
}
sources-read = Z { $path } { $count ->
    [one] načítaný { $count } prameň
    [few] načítané { $count } pramene
    [many] načítané { $count } pramene
   *[other] načítaných { $count } prameňov
}: { $added } nových, { $known } už v katalógu
csv-not-written = { $path } sa nepodarilo zapísať: { $error }
csv-exported = { $count ->
    [one] Exportovaná { $count } fotografia
    [few] Exportované { $count } fotografie
    [many] Exportované { $count } fotografie
   *[other] Exportovaných { $count } fotografií
} do { $path }
csv-problem = { $file }: { $problem }
csv-row-problem = { $file }: riadok { $row }: { $problem }
csv-changed-since-preview = { $path } sa od náhľadu zmenil; nič nebolo použité (zobrazte náhľad znova)
csv-imported = Import CSV: { $photos ->
    [one] zmenená { $photos } fotografia
    [few] zmenené { $photos } fotografie
    [many] zmenené { $photos } fotografie
   *[other] zmenených { $photos } fotografií
} ({ $values ->
    [one] { $values } hodnota
    [few] { $values } hodnoty
    [many] { $values } hodnoty
   *[other] { $values } hodnôt
}, { $labels ->
    [one] { $labels } výstavná popiska
    [few] { $labels } výstavné popisky
    [many] { $labels } výstavné popisky
   *[other] { $labels } výstavných popisiek
})
csv-imported-claims = Import CSV: { $count ->
    [one] zmenené { $count } tvrdenie
    [few] zmenené { $count } tvrdenia
    [many] zmenené { $count } tvrdenia
   *[other] zmenených { $count } tvrdení
}
import-not-started = import sa nepodarilo spustiť: { $error }
import-not-opened = import nemohol otvoriť katalóg: { $error }
import-template-failed = šablóna „{ $name }“: { $error }
import-stopped = import sa zastavil: { $error }
wrote-sidecars = { $count ->
    [one] Zapísaný { $count } sprievodný súbor XMP
    [few] Zapísané { $count } sprievodné súbory XMP
    [many] Zapísané { $count } sprievodné súbory XMP
   *[other] Zapísaných { $count } sprievodných súborov XMP
}
wrote-copies = { $count ->
    [one] Zapísaná { $count } kópia
    [few] Zapísané { $count } kópie
    [many] Zapísané { $count } kópie
   *[other] Zapísaných { $count } kópií
} do { $folder }
embedded-with-backups = Metadáta vložené do { $count ->
    [one] { $count } originálu
    [few] { $count } originálov
    [many] { $count } originálu
   *[other] { $count } originálov
} (zálohy zostali vedľa nich)
embedded = Metadáta vložené do { $count ->
    [one] { $count } originálu
    [few] { $count } originálov
    [many] { $count } originálu
   *[other] { $count } originálov
}
set-exported = Exportovaných { $count } z { $total } fotografií sady „{ $set }“ do { $folder }

## Stavový riadok a prvá obrazovka

status-opening = Otváram katalóg…
status-no-catalogue = Nie je otvorený žiadny katalóg
status-loading = Načítavam…
status-found-of = { $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} z { $total }
status-selected = { $shown } · vybraté { $count }
status-importing = Import { $done }/{ $total } { $file }
status-cancel-import = Zrušiť import
status-job-progress = { $what } { $done }/{ $total }
status-cancel-job = Zrušiť
status-unreadable-files = { $count ->
    [one] { $count } súbor sa nedá prečítať
    [few] { $count } súbory sa nedajú prečítať
    [many] { $count } súboru sa nedá prečítať
   *[other] { $count } súborov sa nedá prečítať
}
status-error = ⚠ { $error }
status-dismiss-error = Zavrieť túto chybu
team-synced = Tím: synchronizované
team-waiting = Tím: { $count ->
    [one] 1 zmena čaká na odoslanie
    [few] { $count } zmeny čakajú na odoslanie
   *[other] { $count } zmien čaká na odoslanie
}
team-offline = Tím: offline{ $count ->
    [0] {""}
    [one] , čaká 1 zmena
    [few] , čakajú { $count } zmeny
   *[other] , čaká { $count } zmien
}
team-offline-why = Server tímu nie je dostupný: { $why }. Práca pokračuje tu; zmeny sa odošlú, keď bude server opäť dostupný.
team-conflicts = { $count ->
    [one] 1 konflikt
    [few] { $count } konflikty
   *[other] { $count } konfliktov
}
team-conflicts-hint = Polia, ktoré dvaja členovia tímu zmenili nezávisle od seba: každá hodnota zostáva ako tvrdenie, kým nerozhodnete. Zobrazí sporné fotografie.
empty-heading = Tento katalóg je prázdny
empty-explanation = Importujte priečinok fotografií (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, raw z fotoaparátu), alebo pretiahnite priečinky do tohto okna.
empty-import = Importovať priečinok
import-errors-title = Súbory, ktoré sa nepodarilo importovať

## Bočný panel

sidebar-library = Knižnica
sidebar-sets = Výstavné sady
sidebar-saved = Uložené hľadania
sidebar-result = V tomto výsledku
sidebar-keywords = Zoznam kľúčových slov
sidebar-sources = Pramene
sidebar-folders = Priečinky
sidebar-all-photos = Všetky fotografie
sidebar-missing = Chýbajúce súbory
sidebar-without-caption = Bez popisu
sidebar-import-template = Šablóna importu
sidebar-no-template = žiadna
set-add-selected = Pridať vybraté fotografie
set-rename = Premenovať…
set-export = Exportovať sadu…
set-delete = Zmazať túto sadu
set-delete-hint = Jej fotografie zostanú v katalógu; Ctrl+Z sadu vráti
set-new-hint = Nová sada
set-new-name = Názov novej sady
set-create = Vytvoriť
saved-delete = Zmazať toto uložené hľadanie
saved-name-hint = Názov
saved-name = Názov uloženého hľadania
saved-save = Uložiť hľadanie
saved-save-disabled = Najprv niečo vyhľadajte
facet-disputed = Sporné polia
facet-years = Roky
facet-places = Miesta
facet-creators = Autori
facet-keywords = Kľúčové slová
facet-cameras = Fotoaparáty
facet-name = { $facet } v tomto výsledku
facet-value-name = { $value }, { $count } v tomto výsledku
facet-undated = Bez dátumu
facet-undated-hint = Bez dátumu zobrazeného deja
facet-fewer = menej
facet-more = ďalších { $count }…
facet-nothing = Nie je čo počítať
keywords-none = Zatiaľ žiadne kľúčové slová
keywords-counts = Počty:
keywords-counts-catalogue = katalóg
keywords-counts-result = tento výsledok
keyword-expand = Rozbaliť { $keyword }
keyword-collapse = Zbaliť { $keyword }
keyword-synonyms = { $path }
    Tiež: { $synonyms }
keyword-add-selected = Pridať k vybratým fotografiám
keyword-rename = Premenovať alebo presunúť…
keyword-merge = Zlúčiť do…
keyword-delete = Zmazať
keyword-delete-with-children = Zmazať aj s kľúčovými slovami pod ním
keyword-delete-hint = Odoberie ho z { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
}; Ctrl+Z ho vráti
status-opened = Otvorený katalóg { $catalogue }
status-not-opened = Katalóg sa nepodarilo otvoriť
status-damaged = Katalóg je poškodený; nič doň nebolo zapísané
status-is-backup = Záloha sa obnovuje, nepracuje sa v nej
status-no-catalogue-yet = Zatiaľ žiadny katalóg
status-could-not-read = Nepodarilo sa načítať { $what }
status-csv-read = Načítaný { $path }: nič sa nezmení, kým zmeny nepoužijete
status-job-started = { $what }…
status-imported = { $count ->
    [one] Importovaná { $count } fotografia
    [few] Importované { $count } fotografie
    [many] Importované { $count } fotografie
   *[other] Importovaných { $count } fotografií
} (nových { $added }), bez zmeny { $unchanged }, zlyhalo { $failed }
status-imported-cancelled = { $message }, zrušené
title = Kartoteka
title-catalogue = { $catalogue } — Kartoteka
title-damaged = { $catalogue } (poškodený) — Kartoteka
title-backup = { $catalogue } (záloha) — Kartoteka
status-last-photo = To bola posledná fotografia výsledku
status-select-to-change = Najprv vyberte fotografie, ktoré chcete zmeniť
status-cancelling-import = Ruším import…
status-cancelling-job = Ruším: { $what }…
status-select-to-tag = Najprv vyberte fotografie, ktorým chcete pridať kľúčové slovo
status-select-for-template = Najprv vyberte fotografie pre šablónu
status-select-to-write = Najprv vyberte fotografie na zápis
status-nowhere-to-restore = Najprv otvorte alebo vytvorte katalóg: nie je kam obnoviť
status-no-set-shown = Delete odoberá fotografie zo zobrazenej sady; žiadna sada nie je zobrazená

## Ako sa úprava volá v stavovom riadku

edit-keyword = Kľúčové slovo { $keyword }
edit-rating = Hodnotenie { $stars }
edit-pick = Vybrať
edit-reject = Zamietnuť
edit-unflag = Zrušiť príznak
edit-label = Štítok { $label ->
    [red] červený
    [yellow] žltý
    [green] zelený
    [blue] modrý
    [purple] fialový
   *[other] { $label }
}
edit-no-label = Bez štítku

## Mriežka, tabuľka a zobrazenie v plnej veľkosti

no-photos-match = Žiadne fotografie nezodpovedajú.
thumbnail-no-preview = { $format }
    bez náhľadu
thumbnail-file-missing = súbor chýba
thumbnail-date-possible = dátum?
colour-label = { $label } štítok
access-picked = vybraná
access-rejected = zamietnutá
access-position = { $position } z { $size }
access-close-window = Zavrieť okno
access-fold-window = Zbaliť okno
access-unfold-window = Rozbaliť okno
access-resize-panel = Zmeniť veľkosť panela
access-resize-window = { $edge ->
        [left] Zmeniť veľkosť okna ľavým okrajom
        [right] Zmeniť veľkosť okna pravým okrajom
        [top] Zmeniť veľkosť okna horným okrajom
        [bottom] Zmeniť veľkosť okna dolným okrajom
        [top-left] Zmeniť veľkosť okna ľavým horným rohom
        [top-right] Zmeniť veľkosť okna pravým horným rohom
        [bottom-left] Zmeniť veľkosť okna ľavým dolným rohom
       *[bottom-right] Zmeniť veľkosť okna pravým dolným rohom
    }
table-default-columns = Predvolené stĺpce
table-reverse-hint = Kliknutím obrátite poradie; pravým tlačidlom vyberiete stĺpce
table-sort-hint = Kliknutím zoradíte podľa tohto stĺpca; pravým tlačidlom vyberiete stĺpce
table-date-possible-hint = Dátum sa s hľadaným obdobím len prekrýva
viewer-not-started = načítavanie sa nepodarilo spustiť: { $error }
viewer-photo = Fotografia v plnej veľkosti
viewer-zoom = { $percent } %
viewer-zoom-loading = { $percent } % · načítavam plné rozlíšenie…
viewer-error = Túto fotografiu nemožno zobraziť: { $error }
viewer-pick = vybraná
viewer-reject = zamietnutá
viewer-credit = Kredit: { $credit }
viewer-band = { $index } z { $total }   { $zoom }   ←/→ ďalšia · klik, Z alebo koliesko zväčší · ťahaním posun · 0–5 P X U 6–9 · Esc späť

## Klávesové skratky

keys-group-catalogue = Katalóg
keys-group-selection = Výber fotografií
keys-group-describing = Popis a hodnotenie
keys-group-viewing = Zobrazenie
key-undo = Vrátiť poslednú zmenu
key-redo = Znova vykonať vrátené
key-find = Hľadať (označí dopyt, takže písanie ho nahradí)
key-import = Importovať priečinok
key-export-csv = Exportovať CSV
key-open-catalogue = Otvoriť iný katalóg
key-quit = Ukončiť (po dokončení rozrobenej práce a po zálohe, ak je na rade)
key-keyboard-reference = Tento prehľad kláves
key-keyboard-reference-typing = Tento prehľad kláves, keď žiadne pole nemá klávesnicu
key-move-right = Ďalšia fotografia
key-move-left = Predchádzajúca fotografia
key-move-down = Fotografia pod (v tabuľke: ďalšia)
key-move-up = Fotografia nad
key-extend-right = Rozšíriť výber doprava
key-extend-left = Rozšíriť výber doľava
key-extend-down = Rozšíriť výber nadol
key-extend-up = Rozšíriť výber nahor
key-select-all = Vybrať všetky fotografie výsledku
key-select-none = Zrušiť výber
key-back = Opustiť zobrazenie v plnej veľkosti, zavrieť O aplikácii; v mriežke zrušiť výber. V poli: opustiť ho bez uloženia
key-rate-0 = Bez hviezdičiek
key-rate-1 = 1 hviezdička
key-rate-2 = 2 hviezdičky
key-rate-3 = 3 hviezdičky
key-rate-4 = 4 hviezdičky
key-rate-5 = 5 hviezdičiek
key-pick = Vybrať
key-reject = Zamietnuť
key-unflag = Zrušiť príznak
key-label-red = Červený štítok
key-label-yellow = Žltý štítok
key-label-green = Zelený štítok
key-label-blue = Modrý štítok
key-no-label = Bez farebného štítku
key-remove-from-set = Odobrať zo zobrazenej sady (Späť ich vráti)
key-write-caption = Písať popis vybraných fotografií (napísaný text ho nahradí)
key-add-keyword = Pridať vybraným fotografiám kľúčové slovo
key-add-to-set = Pridať vybrané fotografie do sady zvolenej podľa názvu (nový názov založí novú sadu)
key-open-full-size = Otvoriť fotografiu v plnej veľkosti
key-grid-view = Mriežka
key-table-view = Tabuľka
key-toggle-zoom = Plná veľkosť: 100 % a späť na celú (tiež kliknutie)
key-zoom-in = Plná veľkosť: priblížiť (tiež koliesko)
key-zoom-out = Plná veľkosť: oddialiť
key-tab-keys = Tab, Shift+Tab
key-tab-what = Ďalšie a predchádzajúce pole inšpektora (opustené pole sa uloží)
key-enter-keys = Enter
key-enter-what = Uložiť pole (v popise: uložiť a prejsť na popis ďalšej fotografie)
key-shift-enter-keys = Shift+Enter
key-shift-enter-what = Nový riadok v popise alebo poznámke
key-esc-keys = Esc
key-esc-what = Opustiť pole bez uloženia napísaného
key-click-keys = Klik, Shift+klik, Ctrl+klik
key-click-what = Vybrať jednu, rozsah, alebo jednu pridať či odobrať
key-drag-keys = Ťahanie v plnej veľkosti
key-drag-what = Posun po fotografii väčšej ako okno
keys-title = Klávesnica
keys-typing = Písanie a myš

## Dialógy

file-import-folder = Importovať priečinok
file-export-csv = Exportovať CSV
file-import-csv = Importovať CSV
file-import-sources = Importovať pramene (CSL-JSON)
file-copies-folder = Priečinok pre kópie
file-set-folder = Priečinok pre výstavu
file-new-catalogue = Nový katalóg
file-open-catalogue = Otvoriť katalóg
file-restore-backup = Obnoviť zálohu
file-backup-folder = Priečinok pre zálohy
file-filter-csv = CSV
file-filter-csl = CSL-JSON
file-filter-catalogue = Katalóg Kartoteky
file-new-catalogue-name = Archiv.kartoteka
path-type = Napíšte cestu
path-whole = Napíšte celú cestu, od koreňa (/…)
path-no-folder = Tu nie je žiadny priečinok
path-is-file = Toto je súbor, nie priečinok
path-no-file = Tu nie je žiadny súbor
path-is-folder = Toto je priečinok; doplňte názov súboru
path-no-parent = Priečinok pre tento súbor neexistuje
path-exists = Súbor s týmto názvom tu už je; nový katalóg nikdy žiadny nenahradí
path-hint = /cesta/k/…
path-name = Cesta
chooser-not-started = Systémový výber súborov sa nepodarilo spustiť ({ $error }).
chooser-missing = Systémový výber súborov sa neotvoril (toto prostredie neponúka službu na výber súborov). Napíšte namiesto toho cestu.
dialog-ok = OK
dialog-cancel = Zrušiť
rename-keyword-heading = Premenovať alebo presunúť kľúčové slovo
rename-keyword-explanation = Nový názov, alebo celá nová cesta (Miesta|Československo|Milovice), kam ho presunúť. Jeho fotografie idú s ním.
rename-keyword-field = Nový názov alebo cesta
rename-ok = Premenovať
merge-keyword-heading = Zlúčiť kľúčové slovo
merge-keyword-explanation = Jeho fotografie dostanú namiesto neho kľúčové slovo nižšie, kľúčové slová pod ním sa presunú tam a ono samo sa zmaže.
merge-keyword-field = Zlúčiť do
merge-ok = Zlúčiť
rename-set-heading = Premenovať sadu
rename-set-explanation = Sada si ponechá fotografie, poradie aj výstavné popisky.
rename-set-field = Nový názov
add-to-set-heading = Pridať { $count ->
    [one] { $count } fotografiu
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} do sady
add-to-set-explanation = Napíšte názov sady, alebo ju vyberte šípkami ↓ a ↑. Názov, ktorý nemá žiadna sada, založí novú sadu.
add-to-set-field = Názov sady
add-to-set-existing = Enter ich pridá do sady „{ $set }“.
add-to-set-new = Enter založí novú sadu „{ $set }“ a pridá ich do nej.
add-to-set-ok = Pridať
status-job-under-way = { $what } ešte prebieha

## Inšpektor

inspector-nothing-selected = Vyberte fotografiu, aby ste videli a mohli upraviť jej popis.
inspector-many = { $count ->
    [one] Vybratá { $count } fotografia; úpravy zmenia všetky
    [few] Vybraté { $count } fotografie; úpravy zmenia všetky
    [many] Vybraté { $count } fotografie; úpravy zmenia všetky
   *[other] Vybratých { $count } fotografií; úpravy zmenia všetky
}
inspector-file-section = Súbor a fotoaparát
inspector-file-section-of = Súbor a fotoaparát: { $of }
inspector-tags-section = Všetky značky ({ $count })
inspector-tags-section-of = Všetky značky: { $of } ({ $count })
inspector-history-section = História ({ $count })
inspector-history-section-of = História: { $of } ({ $count })
inspector-star-hint = { $count ->
    [one] { $count } hviezdička
    [few] { $count } hviezdičky
    [many] { $count } hviezdičky
   *[other] { $count } hviezdičiek
} (kláves { $count }); 0 žiadna
inspector-stars = { $count ->
    [one] { $count } hviezdička
    [few] { $count } hviezdičky
    [many] { $count } hviezdičky
   *[other] { $count } hviezdičiek
}
inspector-mixed = (rôzne)
inspector-key-hint = kláves { $key }
inspector-bad-date = Taký dátum katalóg neprečíta. Prijíma: { $forms }
date-forms = 1991, 1991-06, 1991-06-21; 1991? neisté, 1991~ približne, 199X desaťročie, 1991-XX, 1990-02/1991-06 rozpätie, ../1990
inspector-problem = ⚠ { $problem }
inspector-claims-hint = Vypísať tvrdenia k tomuto poľu s ich prameňmi
inspector-in-sets = Vo výstavných sadách
inspector-wall-label = Výstavná popiska v sade „{ $set }“
chip-some-hint = Len pri niektorých vybratých fotografiách. Kliknutím odoberiete.
chip-hint = Kliknutím odoberiete
chip-remove = Odobrať { $keyword }
keyword-add-hint = Pridať kľúčové slovo (Enter)
keyword-add = Pridať kľúčové slovo
edit-keyword-removed = Kľúčové slovo { $keyword } odobraté
tech-file = Súbor
tech-size = Veľkosť
tech-size-value = { $width } × { $height } { $format }, { $megabytes } MB
tech-camera = Fotoaparát
tech-lens = Objektív
tech-taken = Snímané
tech-digitised = Digitalizované
tech-shutter-fraction = 1/{ $denominator } s
tech-shutter = { $seconds } s
tech-aperture = f/{ $f }
tech-iso = ISO { $iso }
tech-focal-length = { $mm } mm
tech-exposure = Expozícia
tech-gps = GPS
tech-gps-altitude = { $place }, { $metres } m
tech-warning = Upozornenie
history-none = V katalógu nezmenené
history-entry = { $when }  { $what }
# Who made an operation, and when: "Jana Nováková, 30. 11. 2026 14:02".
history-by = { $who }, { $when }
history-undone = { $when }  { $what } (vrátené)
history-on-photos = { $what } na { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografiách
    [many] { $count } fotografie
   *[other] { $count } fotografiách
}
history-rating = Hodnotenie { $stars }
history-cleared = Vymazané: { $field }
history-keywords-added = { $count ->
    [one] Kľúčové slovo
   *[other] Kľúčové slová
} { $keywords }
history-keywords-removed = { $count ->
    [one] Odobraté kľúčové slovo
   *[other] Odobraté kľúčové slová
} { $keywords }
history-undo-of = Späť: { $what }
history-redo-of = Znova: { $what }
history-set-created = Vytvorená sada „{ $set }“
history-set-created-with = Vytvorená sada „{ $set }“ s { $count ->
    [one] { $count } fotografiou
   *[other] { $count } fotografiami
}
history-search-saved = Uložené hľadanie „{ $set }“
history-set-deleted = Zmazaná sada „{ $set }“ ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-search-deleted = Zmazané uložené hľadanie „{ $set }“
history-set-renamed = Sada „{ $old }“ premenovaná na „{ $new }“
history-set-added = Do sady „{ $set }“ { $count ->
    [one] pridaná { $count } fotografia
    [few] pridané { $count } fotografie
    [many] pridaných { $count } fotografie
   *[other] pridaných { $count } fotografií
}
history-set-removed = Zo sady „{ $set }“ { $count ->
    [one] odobraná { $count } fotografia
    [few] odobrané { $count } fotografie
    [many] odobraných { $count } fotografie
   *[other] odobraných { $count } fotografií
}
history-set-wall-labels = { $count ->
    [one] Výstavná popiska
    [few] { $count } výstavné popisky
    [many] { $count } výstavnej popisky
   *[other] { $count } výstavných popisiek
} v sade „{ $set }“
history-set-order = Nové poradie sady „{ $set }“
history-keyword-renamed = Kľúčové slovo { $old } premenované na { $new }
history-keyword-deleted = Zmazané kľúčové slovo { $keyword } ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-keyword-merged = Kľúčové slovo { $keyword } zlúčené do { $into } ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-keyword-list = Zoznam kľúčových slov: { $keywords ->
    [one] pridané { $keywords } kľúčové slovo
    [few] pridané { $keywords } kľúčové slová
    [many] pridaného { $keywords } kľúčového slova
   *[other] pridaných { $keywords } kľúčových slov
} a { $synonyms ->
    [one] { $synonyms } synonymum
    [few] { $synonyms } synonymá
    [many] { $synonyms } synonyma
   *[other] { $synonyms } synoným
}
history-template-saved = Uložená šablóna „{ $template }“
history-template-changed = Zmenená šablóna „{ $template }“
history-template-deleted = Zmazaná šablóna „{ $template }“
history-template-applied = Šablóna „{ $template }“ na { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografiách
    [many] { $count } fotografie
   *[other] { $count } fotografiách
}
history-csv = Import CSV zo súboru { $file }: { $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-csv-labels = Import CSV zo súboru { $file }: { $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}, { $labels ->
    [one] { $labels } výstavná popiska
    [few] { $labels } výstavné popisky
    [many] { $labels } výstavnej popisky
   *[other] { $labels } výstavných popisiek
}
history-source-added = Pridaný prameň „{ $source }“
history-source-changed = Zmenený prameň „{ $source }“
history-source-removed = Odobratý prameň „{ $source }“
history-sources-imported = { $count ->
    [one] Importovaný { $count } prameň
    [few] Importované { $count } pramene
    [many] Importovaného { $count } prameňa
   *[other] Importovaných { $count } prameňov
}
history-source-merged = Prameň „{ $source }“ zlúčený do „{ $into }“
history-claim = { $field } { $value }
history-claim-cited = { $field } { $value } ({ $source })
history-claims-added = Tvrdenie k poľu { $field } na { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografiách
    [many] { $count } fotografie
   *[other] { $count } fotografiách
}
history-claims-added-cited = Tvrdenie k poľu { $field } na { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografiách
    [many] { $count } fotografie
   *[other] { $count } fotografiách
} z prameňa „{ $source }“
history-claim-preferred = Uprednostnené tvrdenie { $claim }
history-claim-removed = Odobraté tvrdenie { $claim }
history-claim-changed = Zmenené tvrdenie { $claim }
history-claims-csv = CSV tvrdení: { $claims ->
    [one] { $claims } tvrdenie
    [few] { $claims } tvrdenia
    [many] { $claims } tvrdenia
   *[other] { $claims } tvrdení
} na { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografiách
    [many] { $count } fotografie
   *[other] { $count } fotografiách
}
history-claim-step-added = Tvrdenie { $claim } pridané
history-claim-step-added-preferred = Tvrdenie { $claim } pridané ako uprednostnené
history-claim-step-removed = Tvrdenie { $claim } odobraté
history-claim-step-preferred = Tvrdenie { $claim } uprednostnené
history-claim-step-not-preferred = Tvrdenie { $claim } už nie je uprednostnené
history-claim-step-changed = Tvrdenie { $claim } zmenené
history-change = { $field }: { $old } → { $new }
history-quoted = „{ $text }“
history-empty = (prázdne)
history-no-items = (žiadne)

## Katalógy: prvé spustenie, poškodenie, zálohy, O aplikácii, odchod

menu-new-catalogue = Nový katalóg…
menu-open-catalogue = Otvoriť katalóg…
menu-open-recent = Otvoriť nedávny
menu-back-up = Zálohovať katalóg…
work-import = Import
work-import-progress = Import ({ $done } z { $total } súborov)
work-job-progress = { $what } ({ $percent } %)
welcome-heading = Vitajte v Kartoteke
welcome-explanation = Katalóg uchováva všetko, čo sa vie o fotografiách archívu. Na tomto počítači zatiaľ žiadny nie je.
welcome-create = Vytvoriť katalóg
welcome-open = Otvoriť katalóg…
welcome-open-hint = Skôr vytvorený, na tomto počítači alebo na disku
welcome-restore = Obnoviť zálohu…
welcome-restore-hint = Záloha katalógu (súbor .kartoteka v priečinku Backups)
welcome-recent = Skôr otvorené katalógy (posledný sa nenašiel: je pripojený jeho disk?):
welcome-recent-hint = Otvoriť tento katalóg
damaged-heading = Tento katalóg je poškodený
damaged-message = { $error }
damaged-explanation = Kartoteka v ňom nič nezmenila a nebude doň zapisovať. Súbor si ponechajte: môže ešte pomôcť tomu, kto ho bude opravovať.
damaged-newest-backup = Jeho najnovšia záloha je z { $when }:
damaged-restore = Obnoviť túto zálohu do nového katalógu
damaged-restore-hint = Obnovený katalóg je nový súbor vedľa poškodeného, ktorý zostane, ako je. Zmeny urobené po zálohe v ňom nie sú.
damaged-no-backup = V jeho priečinku záloh sa nenašla žiadna záloha.
restore-another = Obnoviť inú zálohu…
open-another = Otvoriť iný katalóg…
backup-file-heading = Toto je záloha katalógu
backup-file-taken = vytvorená { $when }
backup-file-explanation = V zálohe sa nepracuje, aby zostala presne taká, aká bola. Obnovenie z nej vytvorí nový katalóg a otvorí ho.
backup-file-restore = Obnoviť ju do nového katalógu
about-heading = Kartoteka { $version }
about-description = Katalogizácia fotografií pre dokumentárne fotoarchívy
about-licence = Licencia: { $licence }
about-catalogue = Katalóg
about-none-open = žiadny nie je otvorený
about-schema = Verzia schémy
about-schema-current = { $version } (verzia, ktorú táto Kartoteka zapisuje)
about-schema-writes = táto Kartoteka zapisuje verziu { $version }
about-backups = Zálohy
about-backups-beside = vedľa katalógu
about-fonts = Písma
about-fonts-egui = Text sa kreslí písmami egui: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (licencie MIT a Bitstream Vera), Noto Emoji (SIL Open Font Licence 1.1) a písma emoji a ikon egui (SIL OFL 1.1, MIT).
about-fonts-dejavu = Symboly a písmená, ktoré im chýbajú, pochádzajú z DejaVu Sans, pribaleného ku Kartoteke pod touto licenciou:
about-libraries = Vstavané knižnice ({ $count })
about-libraries-notice = Dekódovanie JPEG a kódovanie náhľadov používa kodek libjpeg-turbo (zostavenie mozjpeg): tento softvér je sčasti založený na práci Independent JPEG Group. SQLite je voľné dielo (public domain).
backup-title = Zálohovať katalóg
backup-explanation = Katalóg a jeho náhľady sa skopírujú počas práce, skontrolujú na poškodenie a pomenujú podľa dátumu a času.
backup-folder = Priečinok záloh
backup-choose-folder = Vybrať iný priečinok…
backup-beside = Vedľa katalógu
backup-keep = Ponechať
backup-keep-newest = najnovších
backup-kept-name = Počet ponechaných záloh
backup-keep-rest = { $count ->
    [one] zálohu; staršie sa zmažú
    [few] zálohy; staršie sa zmažú
    [many] zálohy; staršie sa zmažú
   *[other] záloh; staršie sa zmažú
}
backup-automatically = Automaticky
backup-newest = Najnovšia záloha
backup-newest-value = { $when }  ({ $file })
backup-none-yet = zatiaľ žiadna
backup-now = Zálohovať teraz
leaving-backing-up = Zálohujem pred ukončením
leaving-quitting = Ukončím, keď bude rozrobená práca hotová
leaving-switching = Otvorím { $catalogue }, keď bude rozrobená práca hotová
leaving-backup-hint = Záloha sa pred uložením skontroluje; preskočenie nezanechá žiadny neúplný súbor.
leaving-cancel-hint = Zrušenie ponechá celé, čo je hotové; nič nezostane zapísané napoly.
leaving-skip-backup = Preskočiť túto zálohu
leaving-cancel-import = Zrušiť import
leaving-cancel-job = Zrušiť ju
leaving-dont-quit = Neukončovať
leaving-stay = Zostať tu

## Tvrdenia a pramene

claims-disagree = ⚠ { $count ->
    [one] { $count } tvrdenie nesúhlasí
    [few] { $count } tvrdenia nesúhlasia
    [many] { $count } tvrdenia nesúhlasí
   *[other] { $count } tvrdení nesúhlasí
}
claims-count = ⚖ { $count ->
    [one] { $count } tvrdenie
    [few] { $count } tvrdenia
    [many] { $count } tvrdenia
   *[other] { $count } tvrdení
}
claims-section = Tvrdenia a pramene
claims-section-count = Tvrdenia a pramene ({ $count })
claims-section-disputed = Tvrdenia a pramene ({ $count }; ⚠ { $disputed ->
    [one] { $disputed } sporné pole
    [few] { $disputed } sporné polia
    [many] { $disputed } sporného poľa
   *[other] { $disputed } sporných polí
})
source-citation = Citácia
source-authors = Autori (;)
source-title = Názov
source-publisher = Vydavateľ
source-date = Dátum
source-url = URL
source-reference = Archívna signatúra
source-note = Poznámka
claim-no-source = bez prameňa
claim-note = poznámka: { $note }
claim-kept-from-team = zmenené na dvoch replikách tímu nezávisle od seba
claims-on = Tvrdenia k poľu { $field }
claims-every-field = Ukázať všetky polia
claims-heading = { $field } — { $mark }
claims-none-on = K poľu { $field } zatiaľ žiadne tvrdenia.
claims-none = K tejto fotografii zatiaľ žiadne tvrdenia.
claims-first-photo = Vypísané tvrdenia sú prvej fotografie; pridané tvrdenie dostanú všetky.
claim-preferred-hint = Uprednostnené: pole ukazuje túto hodnotu
claim-other-hint = Iná verzia, uchovaná so svojím prameňom
claim-prefer = Uprednostniť
claim-prefer-hint = Ukázať túto hodnotu v poli
claim-edit = Upraviť
claim-edit-hint = Zmeniť prameň, lokátor, istotu alebo poznámku
claim-remove = Odobrať
claim-remove-hint = Ctrl+Z ho vráti
claim-form-change = Zmeniť prameň tvrdenia
claim-form-add-many = { $count ->
    [one] Pridať tvrdenie k { $count } fotografii
    [few] Pridať tvrdenie k { $count } fotografiám
    [many] Pridať tvrdenie k { $count } fotografie
   *[other] Pridať tvrdenie k { $count } fotografiám
}
claim-form-add = Pridať tvrdenie
claim-form-field = Pole
claim-form-field-name = Pole tvrdenia
claim-form-value = Hodnota
claim-form-source = Citovaný prameň
claim-form-no-source = ✕ bez prameňa
claim-form-no-source-hint = Necitovať žiadny prameň
claim-form-source-hint = Píšte na vyhľadanie alebo vytvorenie prameňa
claim-form-more-sources = a ďalších { $count }; spresnite ďalšími slovami
claim-form-new-source = Nový prameň „{ $citation }“
claim-form-new-source-hint = Vytvorí sa s tvrdením; upraviť ho možno v bočnom paneli
claim-form-locator = Lokátor
claim-form-locator-hint = s. 12, rub obalu
claim-form-certainty = Istota
claim-form-not-said = neuvedená
claim-form-note = Poznámka
claim-form-prefer = Uprednostniť: pole ukáže túto hodnotu
claim-form-save = Uložiť tvrdenie
claim-form-submit = Pridať tvrdenie
sources-none = Zatiaľ žiadne pramene: pridajte prameň s tvrdením, alebo importujte CSL-JSON.
sources-import = Importovať CSL-JSON…
sources-import-hint = Pramene exportované zo Zotera alebo iného správcu citácií
source-hint = { $title }
    { $count ->
        [one] Cituje ho { $count } fotografia; pravým tlačidlom upraviť alebo zlúčiť
        [few] Citujú ho { $count } fotografie; pravým tlačidlom upraviť alebo zlúčiť
        [many] Cituje ho { $count } fotografie; pravým tlačidlom upraviť alebo zlúčiť
       *[other] Cituje ho { $count } fotografií; pravým tlačidlom upraviť alebo zlúčiť
    }
source-edit = Upraviť alebo zlúčiť…
source-show-photos = Ukázať jeho fotografie
source-window = Prameň { $id }
source-kind = Druh
source-kind-name = Druh prameňa
source-save = Uložiť
source-choose = vyberte prameň
source-merge-name = Zlúčiť do prameňa
source-merge-hint = Jeho tvrdenia budú namiesto neho citovať vybratý prameň; Ctrl+Z to vráti
source-cited-by = Cituje ho { $claims ->
    [one] { $claims } tvrdenie
    [few] { $claims } tvrdenia
    [many] { $claims } tvrdenia
   *[other] { $claims } tvrdení
} pri { $photos ->
    [one] { $photos } fotografii
    [few] { $photos } fotografiách
    [many] { $photos } fotografie
   *[other] { $photos } fotografiách
}

## CSV, vkladanie metadát a export sady

csv-file-stem = katalog
csv-photos = Fotografie
csv-result = Výsledok na obrazovke ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-selection = Vybraté fotografie ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-set = Sada „{ $set }“ vo svojom poradí, s výstavnými popiskami ({ $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-format = Formát
csv-format-catalogue = Katalóg, pre tabuľkové procesory
csv-format-catalogue-hint = Zrozumiteľné hlavičky. Bunka začínajúca = + - @ dostane na začiatok ', aby ju tabuľkový procesor zobrazil a nespustil; Import CSV ho zase odstráni.
csv-format-exiftool = exiftool (exiftool -csv=SÚBOR -sep "; ")
csv-format-exiftool-hint = Stĺpce pomenované podľa značiek a presné hodnoty, na zápis do súborov.
csv-save-as = Uložiť ako…
csv-empty = (prázdne)
csv-import-title = Import CSV: { $file }
csv-values = { $count ->
    [one] { $count } hodnota
    [few] { $count } hodnoty
    [many] { $count } hodnoty
   *[other] { $count } hodnôt
}
csv-claims = { $count ->
    [one] { $count } tvrdenie
    [few] { $count } tvrdenia
    [many] { $count } tvrdenia
   *[other] { $count } tvrdení
}
csv-values-and-labels = { $values }, { $count ->
    [one] { $count } výstavná popiska
    [few] { $count } výstavné popisky
    [many] { $count } výstavné popisky
   *[other] { $count } výstavných popisiek
}
csv-would-change = Zmenilo by sa { $count ->
    [one] { $count } fotografia
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} ({ $what }). Zatiaľ sa nič nezmenilo.
csv-blank-clears = Prázdne bunky polia vymažú
csv-labels-into = Výstavné popisky do
csv-no-set = žiadnej sady
csv-problems = { $count ->
    [one] { $count } problém
    [few] { $count } problémy
    [many] { $count } problému
   *[other] { $count } problémov
} (tieto riadky a bunky zostanú bez zmeny)
csv-column-photo = Fotografia
csv-column-field = Pole
csv-column-now = Teraz
csv-column-after = Potom
csv-wall-label = výstavná popiska
csv-claim-row = tvrdenie, riadok { $row }
csv-apply = Použiť { $count ->
    [one] { $count } zmenu
    [few] { $count } zmeny
    [many] { $count } zmeny
   *[other] { $count } zmien
}
csv-apply-hint = Jedna operácia v histórii: jediné Späť ju celú vráti
embed-title = Vložiť metadáta do pôvodných súborov
embed-explanation = Kartoteka zapíše popisy z katalógu (XMP, a v JPEG a TIFF aj IPTC) do { $count ->
    [one] { $count } pôvodného súboru
    [few] { $count } pôvodných súborov
    [many] { $count } pôvodného súboru
   *[other] { $count } pôvodných súborov
}. Obrazové dáta zostanú presne také, aké sú; každý súbor sa nahradí jedným krokom, takže prerušenie zanechá starý súbor, alebo nový.
embed-keep-copy = Ponechať kópiu každého originálu vedľa neho (.NÁZOV.kartoteka-backup)
embed-ok = Vložiť do { $count ->
    [one] { $count } súboru
    [few] { $count } súborov
    [many] { $count } súboru
   *[other] { $count } súborov
}
set-export-title = Export „{ $set }“
set-export-explanation = Číslované kópie JPEG v poradí sady s vloženými popismi, súpis (CSV) a tlačiteľný prehľad náhľadov (HTML) sa uložia do priečinka, ktorý vyberiete.
set-export-scale = Zmenšiť na dlhšiu stranu
set-export-pixels = {" "}px
set-export-strip-gps = Vynechať polohy GPS
set-export-ok = Vybrať priečinok a exportovať…
problems-title = Problémy: { $what }

## Chyby podrobne: čo katalóg odmietol a prečo nebolo možné súbor použiť

error-other = { $error } (podrobnosti sú len v angličtine)
error-io-other = { $file }: { $error } (podrobnosti sú len v angličtine)
error-catalogue-locked = { $file } používa iný program a zostal zamknutý; skúste to znova, keď skončí
error-catalogue-read-only = { $file } je pre tohto používateľa len na čítanie; nič sa nezmenilo
error-disk-full = disk so súborom { $file } je plný; nič sa nezmenilo: uvoľnite miesto a skúste to znova
error-catalogue-damaged = { $file } je poškodený; obnovte ho zo zálohy
error-catalogue-cannot-open = { $file } nemožno otvoriť ani vytvoriť (existuje jeho priečinok a smie doň tento používateľ zapisovať?)
error-permission-denied = { $file }: prístup zamietnutý
error-disk-failed = disk ohlásil chybu pri čítaní alebo zápise súboru { $file }
error-not-found = { $file } neexistuje
error-already-exists = { $file } už existuje
error-quota-exceeded = { $file }: diskový limit tohto používateľa je vyčerpaný; nič sa nezmenilo
error-read-only-disk = { $file } je na disku len na čítanie
error-is-a-folder = { $file } je priečinok
error-not-a-folder = časť cesty { $file } nie je priečinok
error-folder-not-empty = priečinok { $file } nie je prázdny
error-file-too-large = { $file } je na svoj disk príliš veľký
error-bad-file-name = { $file } nie je názov súboru, ktorý tento disk prijme
error-file-cut-short = { $file } končí predčasne; nie je odseknutý?
error-out-of-memory = na { $file } nestačí pamäť
error-newer-version = katalóg zapísala novšia verzia Kartoteky (verzia schémy { $found }; táto verzia pozná najviac { $known }); zostal bez zmeny
error-not-a-catalogue = { $file } nie je katalóg Kartoteky; zostal bez zmeny
error-migration = prevod katalógu na verziu schémy { $version } zlyhal ({ $reason }); značka verzie môže byť poškodená: obnovte katalóg zo zálohy
error-read-only-upgrade = katalóg treba previesť z verzie schémy { $found } na { $known }, ale pre tohto používateľa je len na čítanie; otvorte ho raz s právom zápisu
error-read-only-journal = katalóg má v { $file } zmeny, ktoré nejaký program nedokončil, a pre tohto používateľa je len na čítanie; otvorte ho raz s právom zápisu, aby sa začlenili
error-no-such-photo = fotografia { $photo } v katalógu nie je
error-catalogue-data-damaged = dáta katalógu sú poškodené ({ $reason }); obnovte katalóg zo zálohy
error-name-needed = { $what ->
    [template] šablóna musí mať názov
   *[set] sada musí mať názov
}
error-query-does-not-parse = dopytu nemožno porozumieť na pozícii { $position }: { $reason }
error-query-quote-not-closed = tieto úvodzovky sa nikde neuzatvárajú
error-query-empty-quotes = prázdne úvodzovky
error-query-unmatched-close = „)“ bez „(“ pred ňou
error-query-open-not-closed = „(“ sa nikde neuzatvára
error-query-unexpected-text = neočakávaný text
error-query-or-needs-after = za OR musí niečo nasledovať
error-query-or-needs-before = pred OR musí niečo byť
error-query-or-or = dvakrát OR za sebou
error-query-nothing-to-exclude = za „-“ musí nasledovať, čo sa má vylúčiť
error-query-ends-too-early = dopyt sa končí predčasne
error-query-too-deep = zátvorky a „-“ sú vnorené hlbšie, než dovoľuje hranica { $limit } { $limit ->
    [one] úrovne
   *[other] úrovní
}
error-query-no-words = „{ $term }“ nemá žiadne písmená ani číslice, podľa ktorých by sa dalo hľadať; vynechajte to, alebo hľadajte slová
error-query-needs-value = za „{ $field }:“ chýba hodnota
error-query-unknown-field = neznáme pole „{ $field }:“ (polia sú { $fields })
error-query-not-a-date = „{ $value }“ nie je dátum (píšte 1991, 1991-06 alebo 1991-06-21)
error-query-range-without-ends = rozpätie dátumov potrebuje aspoň jeden koniec
error-query-range-backwards = rozpätie { $range } sa končí skôr, než sa začína
error-query-bad-rating = hodnotenie je 0 až 5, prípadne za >=, >, <=, < alebo =; nie „{ $value }“
error-query-bad-flag = príznak je pick, reject alebo none, nie „{ $value }“
error-query-bad-label = farebný štítok je red, yellow, green, blue, purple alebo none, nie „{ $value }“
error-query-bad-property = za „{ $field }:“ patrí jedno z { $names }, nie „{ $value }“
error-query-not-descriptive = za „{ $field }:“ patrí popisné pole (caption, date, city, person, …), nie „{ $value }“
error-query-bad-certainty = istota je certain, probable alebo possible, nie „{ $value }“
error-query-bad-status = stav je missing alebo warning, nie „{ $value }“
error-sort-unknown = radenie „{ $name }“ neexistuje; raďte podľa { $names } (úvodné - obracia poradie)
error-search-no-words = „{ $term }“ nemá žiadne písmená ani číslice, podľa ktorých by sa dalo hľadať
error-cites-no-words = v cites:{ $words } nie sú žiadne slová, podľa ktorých by sa dalo hľadať v prameňoch
error-saved-search-loop = uložené hľadanie „{ $name }“ odkazuje cez iné uložené hľadania samo na seba
error-saved-search-does-not-parse = uloženému hľadaniu „{ $name }“ nemožno porozumieť na pozícii { $position }: { $reason }
error-set-order-needs-set = radenie podľa poradia v sade potrebuje filter set: s názvom výstavnej sady
error-import-system = { $kind ->
    [not-found] súbor ani priečinok neexistuje
    [permission-denied] prístup zamietnutý
    [is-a-folder] je to priečinok
    [cut-short] súbor sa končí predčasne
    [out-of-memory] nedostatok pamäte
   *[other] { $detail }
}
error-import-unreadable = nemožno prečítať: { $reason }
error-import-link-loop = symbolický odkaz vedie späť do { $folder }
error-import-not-a-photo-file = je { $kind }, nie súbor s fotografiou; nebol prečítaný
error-import-not-a-file = je { $kind }, nie obyčajný súbor; nebol prečítaný
error-import-empty = je prázdny (0 bajtov)
error-import-not-an-image = nie je v obrazovom formáte, ktorý Kartoteka číta (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, raw z fotoaparátu)
error-import-unsupported = je vo formáte { $format }, ktorý Kartoteka nečíta
error-import-damaged = je poškodený: { $damage }
error-import-too-large = má { $size }, viac než { $limit }, ktoré Kartoteka prečíta
error-import-too-many-pixels = udáva { $width } × { $height } pixelov, viac než { $limit } { $limit ->
    [one] megapixel
    [few] megapixely
   *[other] megapixelov
}, ktoré Kartoteka dekóduje
error-import-too-many-scans = je progresívny JPEG s viac než { $limit } prechodmi (scans); taký Kartoteka nedekóduje (skutočné ich mávajú okolo desať)
error-damage-structure = štruktúra súboru { $format } je porušená: { $detail }
error-damage-tiff = štruktúra súboru TIFF je porušená: { $detail }
error-damage-png-without-header = PNG sa nezačína blokom IHDR
error-damage-png-cut-short = PNG je odseknutý ešte pred hlavičkou
error-damage-jxl-header = hlavičku JPEG XL nemožno prečítať: { $detail }
error-damage-jxl-cut-short = hlavička JPEG XL je odseknutá alebo príliš veľká
error-damage-no-image-size = nepodarilo sa zistiť rozmery obrazu
error-damage-pixels = obrazové dáta nemožno dekódovať: { $detail }
error-damage-thumbnail = náhľad nemožno zakódovať: { $detail }
fault-ends-in-structure = súbor sa končí uprostred svojej štruktúry
fault-ends-in-metadata = súbor sa končí uprostred bloku metadát
fault-ends-before-copied = súbor sa končí pred časťou, ktorá sa kopíruje
fault-part-past-end = vložená časť leží za koncom súboru
fault-no-jpeg-start = chýba počiatočná značka JPEG
fault-too-many-segments = pred obrazovými dátami je viac než { $limit } segmentov
fault-segment-too-short = segment udáva dĺžku menšiu než 2
fault-segment-past-end = segment presahuje koniec súboru
fault-no-png-signature = chýba podpis PNG
fault-no-png-header = chýba blok IHDR
fault-chunk-cut-short = blok { $kind } na bajte { $at } je odseknutý
fault-not-tiff = nejde o súbor TIFF
fault-tiff-header-cut-short = hlavička TIFF je odseknutá
fault-bigtiff-header = hlavička BigTIFF je poškodená
fault-tiff-cut-short = súbor TIFF je odseknutý
fault-tiff-metadata-too-large = metadáta TIFF sú príliš veľké
fault-tiff-loop = adresáre TIFF na seba odkazujú dookola
fault-tiff-past-budget = adresáre TIFF obsahujú viac než { $limit } metadát, ktoré Kartoteka prečíta
fault-too-many-tiff-directories = súbor má viac než { $limit } adresárov TIFF
fault-tiff-entries = adresár TIFF udáva { $count } { $count ->
    [one] položku
    [few] položky
   *[other] položiek
}
fault-tiff-value-past-end = hodnota TIFF leží za koncom súboru
fault-ends-in-tiff-value = súbor sa končí uprostred hodnoty TIFF
fault-ends-in-box = súbor sa končí uprostred boxu
fault-too-many-boxes = jeden kontajner obsahuje viac než { $limit } boxov
fault-box-past-container = box { $kind } na bajte { $at } presahuje svoj kontajner
fault-uuid-box-too-short = box uuid je príliš krátky
fault-box-cut-short = obsah boxu je odseknutý
fault-bad-field-size = box udáva veľkosť poľa, ktorá neexistuje
fault-boxes-too-deep = boxy sú vnorené hlbšie než { $limit } úrovní, ktoré Kartoteka prechádza
fault-no-meta-box = chýba box meta
fault-heif-item-table-too-large = tabuľka položiek HEIF je príliš veľká
fault-heif-item-past-end = dáta položky HEIF ležia za koncom súboru
fault-raf-header-past-end = hlavička RAF ukazuje za koniec súboru
error-csv-cell = riadok { $row }, stĺpec { $column }: { $problem }
error-csv-row = riadok { $row }: { $problem }
error-csv-column = stĺpec { $column }: { $problem }
error-csv-quote-not-closed = úvodzovky otvorené tu sa nikde neuzatvárajú, takže zvyšok súboru je vnútri tejto bunky; tento riadok ani žiadny ďalší sa nezmenil
error-csv-text-after-quote = za uzatváracou úvodzovkou tejto bunky nasleduje text (úvodzovka vnútri bunky v úvodzovkách sa píše dvakrát); riadok zostal bez zmeny
error-csv-utf16-odd = súbor vyzerá ako text v UTF-16, ale má nepárny počet bajtov; nič sa nenačítalo (uložte ho znova ako UTF-8 alebo UTF-16)
error-csv-utf16-broken = súbor je text v UTF-16 s poškodeným znakom; nič sa nenačítalo
error-csv-header-unreadable = riadok hlavičky nemožno prečítať: { $problem }
error-csv-empty = súbor je prázdny
error-csv-unknown-column = neznámy stĺpec „{ $name }“; neberie sa do úvahy
error-csv-column-twice = stĺpec „{ $name }“ je v súbore { $count }-krát (stĺpce { $columns }); nečíta sa ani jeden
error-csv-no-photo-column = chýba stĺpec ID, File alebo SourceFile, podľa ktorého by sa riadky priradili k fotografiám
error-csv-no-claim-column = chýba stĺpec { $column }; nič sa nenačítalo
error-csv-no-claim-photo-column = chýba stĺpec Photo ID alebo File, podľa ktorého by sa riadky priradili k fotografiám; nič sa nenačítalo
error-csv-cell-count = má { $cells } { $cells ->
    [one] bunku
    [few] bunky
    [many] bunky
   *[other] buniek
}, ale hlavička { $header }; riadok zostal bez zmeny
error-csv-no-photo-key = chýba ID fotografie aj súbor, podľa ktorých by sa riadok priradil; riadok zostal bez zmeny
error-csv-named-by-rows = fotografiu { $photo } uvádzajú riadky { $rows }; nepoužil sa ani jeden
error-csv-row-left = { $reason }; riadok zostal bez zmeny
error-row-cell-too-long = bunka má { $size }, viac než { $limit }, ktoré Kartoteka uchová v jednom poli
error-row-not-utf8 = nie je platný text v UTF-8
error-row-not-an-id = „{ $text }“ nie je ID { $of ->
    [claim] tvrdenia
    [source] prameňa
   *[photo] fotografie
}
error-row-not-yes-or-no = Preferred je yes alebo no, nie „{ $value }“
error-row-no-such-photo = fotografia s ID { $photo } neexistuje
error-row-no-photo-at = fotografia { $file } v katalógu nie je
error-row-id-and-file-differ = ID { $id } a File { $file } označujú dve rôzne fotografie ({ $id } a { $other })
error-row-photo-and-file-differ = Photo ID { $photo } a File { $file } označujú dve rôzne fotografie
error-row-source-is-another = Source ID { $id } je „{ $citation }“, nie „{ $cell }“, ako uvádza bunka Source
error-row-no-source-cited = žiadny prameň nie je citovaný ako „{ $citation }“ (najprv ho pridajte, alebo uveďte jeho Source ID)
error-row-sources-cited = ako „{ $citation }“ { $sources ->
    [one] je citovaný { $sources } prameň
    [few] sú citované { $sources } pramene
    [many] je citovaných { $sources } prameňa
   *[other] je citovaných { $sources } prameňov
}; uveďte Source ID
error-row-not-claimable = „{ $field }“ nie je pole, o ktorom sa vedú tvrdenia
error-row-rivals-preferred = riadky { $rows } všetky uprednostňujú tvrdenie o poli { $field } pri fotografii { $photo }
error-row-no-such-claim-on-photo = pri fotografii { $photo } nie je tvrdenie { $id } (nové tvrdenie nemá Claim ID)
error-row-claim-of-another-field = tvrdenie { $id } sa týka poľa { $was }, nie { $field } (nové tvrdenie nemá Claim ID)
error-row-last-preferred = tvrdenie { $id } je pri svojom poli uprednostnené; uprednostnite namiesto neho iné
error-no-such-set = výstavná sada „{ $set }“ neexistuje
error-no-such-set-or-search = sada ani uložené hľadanie „{ $set }“ neexistuje
error-search-not-set = „{ $set }“ je uložené hľadanie, nie výstavná sada
error-set-name-taken = sada alebo uložené hľadanie „{ $set }“ už existuje
error-not-in-set = fotografia { $photo } nie je v sade „{ $set }“
error-no-such-template = šablóna „{ $name }“ neexistuje
error-not-for-template = šablóna nemôže obsahovať pole { $field } (kľúčové slová sa pridávajú ako kľúčové slová)
error-bad-value = { $field }: { $expected ->
    [rating] hodnotenie je 0 až 5
    [flag] príznak je pick, reject alebo none
    [label] farebný štítok je red, yellow, green, blue, purple alebo none
   *[list] treba zoznam textov
}, nie „{ $value }“
error-bad-date = „{ $value }“ nie je { $of ->
    [source] dátum prameňa
   *[photo] dátum
} (píšte 1991, 1991-06 alebo 1991-06-21; 1991? neisté, 1991~ približne, 199X desaťročie, 1990-02/1991-06 rozpätie)
error-field-too-long = { $field }: viac než { $limit }, koľko pole pojme
error-part-too-long = { $part ->
    [citation] citácia
    [title] názov
    [publisher] vydavateľ
    [date] dátum
    [url] URL
    [reference] signatúra
    [note] poznámka
    [authors] autori
    [locator] lokátor
   *[other] ďalšie polia CSL
} { $record ->
    [claim] tvrdenia
   *[source] prameňa
}: viac než { $limit }, koľko pole pojme
error-size-bytes = { $count ->
    [one] { $count } bajt
    [few] { $count } bajty
   *[other] { $count } bajtov
}
error-no-such-keyword = kľúčové slovo „{ $keyword }“ neexistuje
error-ambiguous-keyword = „{ $keyword }“ je názov viacerých kľúčových slov; zadajte cestu: { $paths }
error-keyword-not-created = kľúčové slovo „{ $keyword }“ sa nepodarilo vytvoriť
error-not-a-keyword-path = „{ $keyword }“ nie je cesta kľúčového slova
error-not-a-keyword-name = „{ $keyword }“ nie je názov kľúčového slova
error-keyword-under-itself = { $keyword } nemôže byť pod sebou samým
error-keyword-into-itself = { $keyword } nemožno zlúčiť so sebou samým ani s kľúčovým slovom pod ním
error-keyword-exists = { $keyword } už existuje; obe kľúčové slová radšej zlúčte
error-keywords-too-deep = zoznam kľúčových slov je vnorený hlbšie než { $limit } úrovní, ktoré Kartoteka uchová
error-keyword-path-too-deep = cesta kľúčového slova s { $levels } úrovňami je hlbšia než { $limit }, ktoré Kartoteka uchová
error-not-claimable = tvrdenia sa týkajú popisného poľa ({ $fields }), nie poľa { $field }
error-claim-needs-value = tvrdenie potrebuje hodnotu poľa { $field }
error-no-such-claim = tvrdenie { $id } neexistuje
error-no-such-source = prameň { $id } neexistuje
error-source-not-added = prameň nebol pridaný
error-source-needs-citation = prameň potrebuje citáciu, názov alebo autora
error-no-such-source-kind = druh prameňa je { $kinds }, nie „{ $value }“
error-no-such-source-field = prameň má citáciu, autora, názov, vydavateľa, dátum, URL, signatúru, druh a poznámku, nie „{ $field }“
error-source-in-use = na prameň { $id } sa ešte odvolávajú tvrdenia
error-source-still-cited = na prameň { $id } („{ $citation }“) sa { $claims ->
    [one] odvoláva { $claims } tvrdenie
    [few] odvolávajú { $claims } tvrdenia
   *[other] odvoláva { $claims } tvrdení
} pri { $photos ->
    [one] { $photos } fotografii
   *[other] { $photos } fotografiách
}; najprv ich odoberte, alebo prameň odoberte aj tak (tvrdenia zostanú, len bez prameňa)
error-source-into-itself = prameň { $id } nemožno zlúčiť so sebou samým
error-history-damaged = história úprav je poškodená (zmenu poľa { $field } nemožno prečítať); nič sa nezmenilo
error-not-a-catalogue-file = { $file } je { $kind }, nie súbor katalógu
error-thread-not-started = nepodarilo sa spustiť { $which ->
    [readers] vlákna na čítanie súborov
   *[import] vlákno importu
}: { $reason }
error-not-a-regular-file = { $file } je { $kind }, nie obyčajný súbor; nebol prečítaný
error-file-larger-than-read = { $file } má { $size }, viac než { $limit }, ktoré Kartoteka prečíta
error-not-written-over = { $file } je { $kind }; Kartoteka ho neprepíše
error-left-unchanged-exists = { $file } už existuje; zostal bez zmeny
error-is-a-database = { $file } je databáza SQLite (katalóg alebo jeho náhľady?); zostal bez zmeny
error-protected = { $file } je chránený (katalóg, jeho náhľady alebo katalogizovaná fotografia); zostal bez zmeny
error-other-owner = { $file } patrí inému používateľovi alebo skupine, čo by sa jeho nahradením zmenilo; zostal bez zmeny
error-no-folder = priečinok { $file } neexistuje
error-changed-on-disk = { $file } sa od katalogizácie na disku zmenil; najprv ho znova importujte
error-bad-sidecar = { $file } nie je platné XMP ({ $reason }); zostal bez zmeny
error-no-file-name = { $file } nemá názov súboru
error-folder-holds-files = v priečinku { $file } už sú súbory; exportujte do prázdneho priečinka, alebo povoľte nahradiť, čo tam zanechal skorší export (katalogizovaná fotografia sa nenahradí nikdy)
error-not-decoded = { $file } sa nepodarilo dekódovať ani znova zakódovať: { $reason }
error-checklist-not-written = súpis sa nepodarilo zapísať: { $reason }
error-not-embedded = metadáta sa nepodarilo vložiť do { $file }: { $reason }
embed-xmp-too-large = XMP ({ $size }) je väčšie, než pojme jeden segment JPEG
embed-exif-too-large = EXIF je väčšie, než pojme jeden segment JPEG
embed-metadata-too-large = jeho metadáta sú väčšie než { $limit }, ktoré Kartoteka prepisuje
embed-no-image-data = neobsahuje žiadne obrazové dáta
embed-bigtiff = do súborov BigTIFF sa nezapisuje; zapíšte metadáta radšej do sprievodných súborov XMP
embed-raw = do originálov z fotoaparátu ({ $format }) sa nikdy nezapisuje; zapíšte metadáta radšej do sprievodných súborov XMP
embed-not-writable = Kartoteka nezapisuje metadáta do súborov { $format }; zapíšte ich radšej do sprievodných súborov XMP
embed-tiff-too-large = súbor TIFF by presiahol 4 GB
error-csv-not-written = CSV sa nepodarilo zapísať: { $reason }
error-nothing-to-export = v sade „{ $set }“ nie sú žiadne fotografie na export
error-not-utf8 = { $file } nie je text v UTF-8
error-not-csl-json = { $file } nie je CSL-JSON: { $reason }
error-no-catalogue-at = v { $file } nie je žiadny katalóg
error-backup-newer = { $file } zapísala novšia verzia Kartoteky (verzia schémy { $found }; táto verzia pozná najviac { $known })
error-backup-damaged = { $file } neprešiel kontrolou celistvosti ({ $problems })
error-backup-in-use = { $file } je práve otvorený katalóg; záloha sa obnovuje do nového súboru, nikdy cezeň
error-unreadable = { $file } nemožno prečítať: { $reason }
error-backup-cancelled = zálohovanie bolo zrušené; nič sa nezapísalo
file-kind-folder = priečinok
file-kind-fifo = pomenovaná rúra (FIFO)
file-kind-char-device = znakové zariadenie
file-kind-block-device = blokové zariadenie
file-kind-socket = socket
file-kind-other = iný než obyčajný súbor

## Čo import v súbore našiel chybné bez toho, aby ho zastavilo (upozornenia v inšpektore)
warning-metadata-past-budget = metadáta nad { $limit } sa z tohto súboru nečítali
warning-png-text-past-budget = komprimovaný text PNG nad { $limit } sa z tohto súboru nečítal
warning-exif-partly-damaged = EXIF je čiastočne poškodený; prečítalo sa, čo sa dalo: { $detail }
warning-exif-unreadable = EXIF nemožno prečítať: { $detail }
warning-xmp-unreadable = { $packet ->
    [extended] rozšírené XMP nemožno prečítať: { $problem }
    [sidecar] sprievodný súbor { $file } nemožno prečítať: { $problem }
   *[embedded] XMP nemožno prečítať: { $problem }
}
warning-xmp-refused = { $packet ->
    [extended] rozšírené XMP: { $problem }
    [sidecar] sprievodný súbor { $file }: { $problem }
   *[embedded] { $problem }
}
xmp-no-xml = paket XMP neobsahuje nijaké XML
xmp-not-well-formed = XMP nie je správne utvorené XML (bajt { $at }): { $detail }
xmp-bad-attribute = chybný atribút XML: { $detail }
xmp-unknown-entity = XMP používa neznámu entitu &{ $entity };
xmp-bad-character-reference = XMP obsahuje chybný odkaz na znak: { $reference }
xmp-unclosed = XMP sa končí skôr, než sa uzavrú všetky jeho prvky
xmp-too-many-closing-tags = XMP má viac uzatváracích značiek než otváracích
xmp-too-deep = XMP je vnorené hlbšie než do { $limit } úrovní; nepoužilo sa
xmp-too-many-elements = XMP má viac než { $limit } prvkov; nepoužilo sa
xmp-no-rdf = XMP nemá prvok rdf:RDF
xmp-rewrite = XMP nemožno prepísať: { $detail }
warning-iptc-unreadable = IPTC nemožno prečítať: { $problem }
iim-header-cut-short = hlavička dátovej sady IIM je odseknutá na bajte { $at }
iim-bad-extended-length = dátová sada IIM { $dataset } má chybnú rozšírenú dĺžku
iim-length-cut-short = dátová sada IIM { $dataset } je odseknutá
iim-data-cut-short = dátová sada IIM { $dataset } udáva { $size }, ale blok sa končí skôr
warning-jpeg-cut-short-in-segment = súbor sa končí uprostred segmentu JPEG na bajte { $at }: je odseknutý; metadáta pred týmto miestom sa prečítali
warning-jpeg-cut-short-in-image = súbor sa končí uprostred obrazových dát (prerušené kopírovanie?); metadáta sa prečítali
warning-webp-chunk-unreadable = blok { $block } súboru WebP nemožno prečítať: { $detail }
warning-jxl-header-cut-short = hlavička obrazu JPEG XL je odseknutá; prečítali sa len rozmery
warning-jxl-box-not-inflated = komprimovaný box JPEG XL s { $block } nemožno rozbaliť: { $detail }
warning-jxl-exif-box-damaged = box Exif súboru JPEG XL je poškodený
warning-heif-exif-item-damaged = položka Exif súboru HEIF je poškodená
warning-heif-item-unreadable = položku { $block } súboru HEIF nemožno prečítať: { $detail }
warning-cr3-exif-unreadable = adresáre EXIF súboru CR3 nemožno prečítať
warning-png-chunk-cut-short = blok PNG { $chunk } na bajte { $at } je odseknutý: súbor sa končí skôr než jeho obrazové dáta
warning-png-without-end = PNG sa končí pred blokom IEND: je odseknutý
warning-png-text-not-inflated = komprimovaný text v textovom bloku PNG „{ $keyword }“ nemožno rozbaliť: { $detail }
warning-png-profile-not-hex = profil PNG „{ $keyword }“ nie je platný šestnástkový zápis
warning-xmp-source-without-key = prameň v XMP bez kľúča sa vynechal
warning-xmp-source-ignored = prameň „{ $key }“ v XMP sa vynechal: { $reason }
warning-xmp-too-many-claims = XMP obsahuje { $count } tvrdení; načíta sa len { $limit ->
    [one] prvé { $limit }
    [few] prvé { $limit }
   *[other] prvých { $limit }
}
warning-xmp-claim-not-descriptive = tvrdenie v XMP o „{ $name }“ sa vynechalo: nie je to popisné pole
warning-xmp-claim-without-value = tvrdenie v XMP k poľu { $field } bez hodnoty sa vynechalo
warning-xmp-claim-ignored = tvrdenie v XMP sa vynechalo: { $reason }
warning-xmp-claim-unknown-source = tvrdenie v XMP k poľu { $field } cituje prameň „{ $key }“, ktorý paket neopisuje; ponechalo sa bez prameňa
warning-xmp-claim-part-too-long = tvrdenie v XMP k poľu { $field } sa vynechalo: jeho lokátor alebo poznámka je dlhšia než { $limit }
warning-more-xmp-claims-ignored = ďalšie vynechané tvrdenia alebo pramene v XMP: { $count }
warning-depicted-date-ignored = dátum zobrazeného deja v { $block } sa vynechal: „{ $value }“ nie je dátum (píšte RRRR, RRRR-MM alebo RRRR-MM-DD)
warning-field-cut = pole { $field } má { $size }, viac než { $limit }, ktoré Kartoteka uchová; bolo skrátené
warning-keyword-levels-cut = hierarchické kľúčové slovo má { $levels } úrovní, viac než { $limit }, ktoré Kartoteka uchová; bolo skrátené
warning-list-item-cut = položka poľa { $field } je dlhšia než { $limit }, ktoré Kartoteka uchová; bola skrátená
warning-list-cut = pole { $field } obsahuje { $count ->
    [one] { $count } položku
    [few] { $count } položky
   *[other] { $count } položiek
}, viac, než sa zmestí do { $limit }; ponechaných položiek: { $kept }
warning-raw-tag-values-cut = hodnoty značiek dlhšie než { $limit } boli skrátené
warning-raw-tags-left-out = značky nad rámec { $limit } sa neuchovali (vynechané: { $count })
warning-sidecar-not-read = sprievodný súbor { $file } nemožno prečítať: { $detail }
warning-sidecar-not-a-file = sprievodný súbor { $file } je { $kind }, nie obyčajný súbor; nečítal sa
warning-sidecar-too-large = sprievodný súbor { $file } má { $size }, viac než { $limit }, ktoré Kartoteka prečíta
warning-cut-short-before-size = súbor je odseknutý ešte pred údajom o rozmeroch obrazu
warning-no-thumbnail = bez náhľadu: { $why }
unsupported-by-decoder = dekodér tento druh obrazu nepodporuje: { $detail }
unsupported-format = { $format } sa pre náhľady nedekóduje
unsupported-jpeg-tiff-layout = TIFF s kompresiou JPEG v tomto usporiadaní sa nedekóduje
warning-no-preview = bez náhľadu: { $why }
no-preview-structure-damaged = štruktúra súboru je porušená: { $detail }
no-preview-none-embedded = súbor neobsahuje vložený náhľad JPEG
no-preview-not-decoded = vložený náhľad JPEG { $width } × { $height } nemožno dekódovať: { $detail }
no-preview-heif-too-large = súbory HEIF väčšie než { $limit } sa nedekódujú
no-preview-hevc-unavailable = dekódovanie HEVC nie je k dispozícii: { $detail }
no-preview-hevc-failed = dekódovanie HEVC zlyhalo: { $detail }
no-preview-hevc-too-few-pixels = dekodér HEVC vrátil príliš málo pixelov
warning-image-data-cut-short = obrazové dáta sú odseknuté a nemožno ich dekódovať; bez náhľadu: { $detail }
warning-pixels-damaged = obrazové dáta sú poškodené; náhľad ukazuje, čo sa podarilo dekódovať: { $detail }
warning-pixels-cut-short = obrazové dáta sú poškodené alebo odseknuté; náhľad ukazuje riadky 1 – { $rows } z { $height }: { $detail }
