# Okno Kartoteky česky.
#
# Stejné identifikátory zpráv jako en/kartoteka.ftl (testy to hlídají oběma
# směry). Počty podle pravidel CLDR pro češtinu: one (1), few (2–4),
# many (desetinná čísla), other (0, 5 a více).
# Názvy polí podle české verze IPTC Photo Metadata.

## Slovník archivu

field-title = Název
field-headline = Titulek
field-caption = Popisek
field-creators = Autor
field-credit = Kredit
field-copyright = Autorská práva
field-source = Zdroj
field-instructions = Pokyny
field-job-id = Identifikátor zakázky
field-sublocation = Místo
field-city = Město
field-state = Kraj/stát
field-country = Země
field-country-code = Kód země
field-keywords = Klíčová slova
field-hierarchical-keywords = Hierarchická klíčová slova
field-people = Osoby
field-event = Událost
field-date-created = Datum zobrazeného děje
field-digital-source-type = Typ digitálního zdroje
attribute-note = Poznámka v katalogu
attribute-rating = Hodnocení
attribute-flag = Příznak
attribute-label = Barevný štítek
label-red = Červený
label-yellow = Žlutý
label-green = Zelený
label-blue = Modrý
label-purple = Fialový
source-kind-article = Článek
source-kind-book = Kniha
source-kind-archival = Archivní dokument
source-kind-sleeve = Obal negativu nebo poznámky fotografa
source-kind-oral = Ústní svědectví
source-kind-website = Webová stránka
source-kind-other = Jiný
certainty-certain = jisté
certainty-probable = pravděpodobné
certainty-possible = možné
sort-depicted = Datum zobrazeného děje
sort-taken = Datum pořízení
sort-imported = Pořadí importu
sort-title = Název
sort-rating = Hodnocení
sort-file-name = Název souboru
sort-set-order = Pořadí v sadě
sort-keywords = Klíčová slova
sort-camera = Fotoaparát
sort-note = Poznámka v katalogu

## Nastavení

backup-schedule-never = Nikdy
backup-schedule-daily = Jednou denně, při ukončení
backup-schedule-weekly = Jednou týdně, při ukončení
column-file = Soubor
column-title = Název
column-headline = Titulek
column-caption = Popisek
column-creators = Autor
column-credit = Kredit
column-copyright = Autorská práva
column-source = Zdroj
column-depicted = Zobrazený děj
column-taken = Pořízeno
column-rating = Hodnocení
column-event = Událost
column-people = Osoby
column-sublocation = Místo
column-city = Město
column-state = Kraj/stát
column-country = Země
column-keywords = Klíčová slova
column-camera = Fotoaparát
column-note = Poznámka

## Nabídky a horní lišta

menu-file = Soubor
menu-edit = Úpravy
menu-photo = Fotografie
menu-view = Zobrazení
menu-help = Nápověda
menu-keyboard-reference = Klávesové zkratky
menu-about = O aplikaci Kartoteka
menu-import-folder = Importovat složku…
menu-export-csv = Exportovat CSV…
menu-import-csv = Importovat CSV…
menu-write-sidecars = Zapsat postranní soubory XMP k výběru
menu-copies-with-metadata = Kopie výběru s metadaty…
menu-embed-metadata = Vložit metadata do vybraných originálů…
menu-export-set = Exportovat sadu „{ $set }“…
menu-optimize = Optimalizovat katalog
menu-quit = Ukončit
menu-undo = Zpět
menu-undo-what = Zpět: { $what }
menu-redo = Znovu
menu-redo-what = Znovu: { $what }
menu-select-all = Vybrat vše
menu-select-none = Zrušit výběr
menu-find = Hledat
menu-open-full-size = Otevřít v plné velikosti
menu-write-caption = Psát popisek
menu-add-keyword = Přidat klíčové slovo
menu-add-to-set = Přidat do sady…
menu-no-stars = Bez hvězdiček
menu-stars = { $stars } { $count ->
    [one] { $count } hvězdička
    [few] { $count } hvězdičky
    [many] { $count } hvězdičky
   *[other] { $count } hvězdiček
}
menu-pick = Vybrat
menu-reject = Zamítnout
menu-unflag = Zrušit příznak
menu-no-label = Bez barevného štítku
menu-remove-from-set = Odebrat ze sady „{ $set }“
menu-inspector = Inspektor
menu-keyword-counts-follow = Počty u klíčových slov podle výsledku
menu-keyword-counts-follow-hint = Strom klíčových slov počítá fotografie výsledku hledání, ne celého katalogu
menu-language = Jazyk
menu-zoom-in = Zvětšit
menu-zoom-out = Zmenšit
menu-zoom-reset = Skutečná velikost (nyní { $percent } %)
menu-theme-dark = Tmavý vzhled
menu-theme-light = Světlý vzhled
key-zoom-keys = Ctrl+Plus, Ctrl+Minus, Ctrl+0
key-zoom-what = Zvětšit, zmenšit celé okno a vrátit na 100 % (zůstane i pro příští spuštění)
language-system = Podle systému ({ $language })
language-english = English
language-czech = Čeština
language-slovak = Slovenčina
view-grid = Mřížka
view-grid-hint = Náhledy ({ $shortcut })
view-table = Tabulka
view-table-hint = Řádky a sloupce ({ $shortcut })
thumbnail-size = Velikost náhledů
search-error = ⚠ { $error }
search-hint = Hledat: kyndrova date:1991 keyword:armáda …
search-name = Hledat
sort-by = Řadit podle
sort-descending-hint = Sestupně; kliknutím vzestupně
sort-ascending-hint = Vzestupně; kliknutím sestupně
sort-reverse = Obrátit pořadí

## Co hlásí vlákno katalogu

photo-count = { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
worker-not-started = vlákno katalogu se nepodařilo spustit: { $error }
worker-no-folder = { $path }: nepodařilo se vytvořit jeho složku: { $error }
worker-no-catalogue = V { $path } není žádný katalog (byl přesunut, nebo není připojen jeho disk?)
worker-exists = { $path } už existuje; nový katalog nikdy nenahradí soubor (otevře ho Soubor > Otevřít katalog…)
worker-not-restored = Nic nebylo obnoveno: { $error }
worker-open-failed = { $path }: { $error }
read-history = historii úprav: { $error }
read-details = údaje o fotografiích: { $error }
read-rows = řádky tabulky: { $error }
read-sidebar = postranní panel: { $error }
edit-nothing = { $what }: není co měnit
edit-done = { $what } – { $whom }
undid = Vráceno zpět: { $what }
redid = Provedeno znovu: { $what }
nothing-to-undo = Není co vrátit
nothing-to-redo = Není co provést znovu
undo-failed = vrácení zpět selhalo: { $error }
redo-failed = opakování selhalo: { $error }
set-created = Vytvořena sada „{ $set }“
set-created-with = Vytvořena sada „{ $set }“ s { $count ->
    [one] { $count } fotografií
   *[other] { $count } fotografiemi
}
set-renamed = Sada „{ $old }“ přejmenována na „{ $new }“
set-added = Do sady „{ $set }“ { $count ->
    [one] přidána { $count } fotografie
    [few] přidány { $count } fotografie
    [many] přidáno { $count } fotografie
   *[other] přidáno { $count } fotografií
}
set-removed = Ze sady „{ $set }“ { $count ->
    [one] odebrána { $count } fotografie (Ctrl+Z ji vrátí)
    [few] odebrány { $count } fotografie (Ctrl+Z je vrátí)
    [many] odebráno { $count } fotografie (Ctrl+Z je vrátí)
   *[other] odebráno { $count } fotografií (Ctrl+Z je vrátí)
}
set-moved = { $count ->
    [one] { $count } fotografie přesunuta
    [few] { $count } fotografie přesunuty
    [many] { $count } fotografie přesunuto
   *[other] { $count } fotografií přesunuto
} na pozici { $position } v sadě „{ $set }“
wall-label-saved = Výstavní popiska uložena v sadě „{ $set }“
set-deleted = Smazána „{ $set }“ (Ctrl+Z ji vrátí)
search-saved = Hledání uloženo jako „{ $name }“
keyword-renamed = { $old } přejmenováno na { $new }: { $count ->
    [one] { $count } fotografie jde s ním
    [few] { $count } fotografie jdou s ním
    [many] { $count } fotografie jde s ním
   *[other] { $count } fotografií jde s ním
}
keyword-merged = { $from } sloučeno do { $into }: { $count ->
    [one] změněna { $count } fotografie
    [few] změněny { $count } fotografie
    [many] změněno { $count } fotografie
   *[other] změněno { $count } fotografií
}
keyword-deleted = Klíčové slovo { $keyword } odebráno { $count ->
    [one] z { $count } fotografie
    [few] ze { $count } fotografií
    [many] z { $count } fotografie
   *[other] z { $count } fotografií
} (Ctrl+Z ho vrátí)
template-applied = Šablona „{ $name }“ – { $whom }
job-sidecars = Zápis postranních souborů XMP
job-copies = Zápis kopií s metadaty
job-embed = Vkládání metadat do originálů
job-export-set = Export sady „{ $set }“
job-optimize = Optimalizace katalogu
job-backup = Zálohování katalogu
job-failed = { $what }: { $error }
job-not-started = { $what } se nepodařilo spustit: { $error }
job-error = Chyba: { $error }
job-some-failed = { $message }; { $count } selhalo
job-cancelled-left = { $message }; zrušeno, zbývá { $count }
optimize-cancelled = Optimalizace byla zrušena; katalog je, jaký byl
optimize-done = Katalog optimalizován za { $seconds } s
backup-recent-enough = Poslední záloha z { $when } je dost čerstvá
backed-up = { $count ->
    [one] Zálohována { $count } fotografie
    [few] Zálohovány { $count } fotografie
    [many] Zálohováno { $count } fotografie
   *[other] Zálohováno { $count } fotografií
} do { $path } (celistvost ověřena)
backed-up-pruned = { $message }; { $count ->
    [one] smazána { $count } starší záloha
    [few] smazány { $count } starší zálohy
    [many] smazáno { $count } starší zálohy
   *[other] smazáno { $count } starších záloh
}
backup-cancelled = Zálohování bylo zrušeno; nic nebylo zapsáno
backup-failed = záloha nebyla vytvořena: { $error }
claim-preferred = Tvrzení je upřednostněno
claim-removed = Tvrzení odebráno (Ctrl+Z ho vrátí)
claim-changed = Tvrzení změněno
claim-there-already = Tvrzení už tam bylo: není co přidat
claim-added = Přidáno tvrzení – { $whom }
source-changed = Pramen změněn
source-merged = Pramen sloučen; { $count ->
    [one] přesunuto { $count } tvrzení
    [few] přesunuta { $count } tvrzení
    [many] přesunuto { $count } tvrzení
   *[other] přesunuto { $count } tvrzení
}
sources-read = Z { $path } { $count ->
    [one] načten { $count } pramen
    [few] načteny { $count } prameny
    [many] načteno { $count } pramene
   *[other] načteno { $count } pramenů
}: { $added } nových, { $known } už v katalogu
csv-not-written = { $path } se nepodařilo zapsat: { $error }
csv-exported = { $count ->
    [one] Exportována { $count } fotografie
    [few] Exportovány { $count } fotografie
    [many] Exportováno { $count } fotografie
   *[other] Exportováno { $count } fotografií
} do { $path }
csv-problem = { $file }: { $problem }
csv-row-problem = { $file }: řádek { $row }: { $problem }
csv-changed-since-preview = { $path } se od náhledu změnil; nic nebylo použito (zobrazte náhled znovu)
csv-imported = Import CSV: { $photos ->
    [one] změněna { $photos } fotografie
    [few] změněny { $photos } fotografie
    [many] změněno { $photos } fotografie
   *[other] změněno { $photos } fotografií
} ({ $values ->
    [one] { $values } hodnota
    [few] { $values } hodnoty
    [many] { $values } hodnoty
   *[other] { $values } hodnot
}, { $labels ->
    [one] { $labels } výstavní popiska
    [few] { $labels } výstavní popisky
    [many] { $labels } výstavní popisky
   *[other] { $labels } výstavních popisek
})
csv-imported-claims = Import CSV: { $count ->
    [one] změněno { $count } tvrzení
    [few] změněna { $count } tvrzení
    [many] změněno { $count } tvrzení
   *[other] změněno { $count } tvrzení
}
import-not-started = import se nepodařilo spustit: { $error }
import-not-opened = import nemohl otevřít katalog: { $error }
import-template-failed = šablona „{ $name }“: { $error }
import-stopped = import se zastavil: { $error }
wrote-sidecars = { $count ->
    [one] Zapsán { $count } postranní soubor XMP
    [few] Zapsány { $count } postranní soubory XMP
    [many] Zapsáno { $count } postranního souboru XMP
   *[other] Zapsáno { $count } postranních souborů XMP
}
wrote-copies = { $count ->
    [one] Zapsána { $count } kopie
    [few] Zapsány { $count } kopie
    [many] Zapsáno { $count } kopie
   *[other] Zapsáno { $count } kopií
} do { $folder }
embedded-with-backups = Metadata vložena do { $count ->
    [one] { $count } originálu
    [few] { $count } originálů
    [many] { $count } originálu
   *[other] { $count } originálů
} (zálohy zůstaly vedle nich)
embedded = Metadata vložena do { $count ->
    [one] { $count } originálu
    [few] { $count } originálů
    [many] { $count } originálu
   *[other] { $count } originálů
}
set-exported = Exportováno { $count } z { $total } fotografií sady „{ $set }“ do { $folder }

## Stavový řádek a první obrazovka

status-opening = Otevírám katalog…
status-no-catalogue = Žádný katalog není otevřen
status-loading = Načítám…
status-found-of = { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} z { $total }
status-selected = { $shown } · vybráno { $count }
status-importing = Import { $done }/{ $total } { $file }
status-cancel-import = Zrušit import
status-job-progress = { $what } { $done }/{ $total }
status-cancel-job = Zrušit
status-unreadable-files = { $count ->
    [one] { $count } soubor nelze přečíst
    [few] { $count } soubory nelze přečíst
    [many] { $count } souboru nelze přečíst
   *[other] { $count } souborů nelze přečíst
}
status-error = ⚠ { $error }
status-dismiss-error = Zavřít tuto chybu
team-synced = Tým: synchronizováno
team-waiting = Tým: { $count ->
    [one] 1 změna čeká na odeslání
    [few] { $count } změny čekají na odeslání
   *[other] { $count } změn čeká na odeslání
}
team-offline = Tým: offline{ $count ->
    [0] {""}
    [one] , čeká 1 změna
    [few] , čekají { $count } změny
   *[other] , čeká { $count } změn
}
team-offline-why = Server týmu není dostupný: { $why }. Práce pokračuje zde; změny se odešlou, jakmile bude server opět dostupný.
team-conflicts = { $count ->
    [one] 1 konflikt
    [few] { $count } konflikty
   *[other] { $count } konfliktů
}
team-conflicts-hint = Pole, která dva členové týmu změnili nezávisle na sobě: každá hodnota zůstává jako tvrzení, dokud nerozhodnete. Zobrazí sporné fotografie.
empty-heading = Tento katalog je prázdný
empty-explanation = Importujte složku fotografií (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, raw z fotoaparátu), nebo přetáhněte složky do tohoto okna.
empty-import = Importovat složku
import-errors-title = Soubory, které se nepodařilo importovat

## Postranní panel

sidebar-library = Knihovna
sidebar-sets = Výstavní sady
sidebar-saved = Uložená hledání
sidebar-result = V tomto výsledku
sidebar-keywords = Seznam klíčových slov
sidebar-sources = Prameny
sidebar-folders = Složky
sidebar-all-photos = Všechny fotografie
sidebar-missing = Chybějící soubory
sidebar-without-caption = Bez popisku
sidebar-import-template = Šablona importu
sidebar-no-template = žádná
set-add-selected = Přidat vybrané fotografie
set-rename = Přejmenovat…
set-export = Exportovat sadu…
set-delete = Smazat tuto sadu
set-delete-hint = Její fotografie zůstanou v katalogu; Ctrl+Z sadu vrátí
set-new-hint = Nová sada
set-new-name = Název nové sady
set-create = Vytvořit
saved-delete = Smazat toto uložené hledání
saved-name-hint = Název
saved-name = Název uloženého hledání
saved-save = Uložit hledání
saved-save-disabled = Nejdřív něco vyhledejte
facet-disputed = Sporná pole
facet-years = Roky
facet-places = Místa
facet-creators = Autoři
facet-keywords = Klíčová slova
facet-cameras = Fotoaparáty
facet-name = { $facet } v tomto výsledku
facet-value-name = { $value }, { $count } v tomto výsledku
facet-undated = Bez data
facet-undated-hint = Bez data zobrazeného děje
facet-fewer = méně
facet-more = další { $count }…
facet-nothing = Není co počítat
keywords-none = Zatím žádná klíčová slova
keywords-counts = Počty:
keywords-counts-catalogue = katalog
keywords-counts-result = tento výsledek
keyword-expand = Rozbalit { $keyword }
keyword-collapse = Sbalit { $keyword }
keyword-synonyms = { $path }
    Také: { $synonyms }
keyword-add-selected = Přidat k vybraným fotografiím
keyword-rename = Přejmenovat nebo přesunout…
keyword-merge = Sloučit do…
keyword-delete = Smazat
keyword-delete-with-children = Smazat i s klíčovými slovy pod ním
keyword-delete-hint = Odebere ho { $count ->
    [one] z { $count } fotografie
    [few] ze { $count } fotografií
    [many] z { $count } fotografie
   *[other] z { $count } fotografií
}; Ctrl+Z ho vrátí
status-opened = Otevřen katalog { $catalogue }
status-not-opened = Katalog se nepodařilo otevřít
status-damaged = Katalog je poškozený; nic do něj nebylo zapsáno
status-is-backup = Záloha se obnovuje, nepracuje se v ní
status-no-catalogue-yet = Zatím žádný katalog
status-could-not-read = Nepodařilo se načíst { $what }
status-csv-read = Načten { $path }: nic se nezmění, dokud změny nepoužijete
status-job-started = { $what }…
status-imported = { $count ->
    [one] Importována { $count } fotografie
    [few] Importovány { $count } fotografie
    [many] Importováno { $count } fotografie
   *[other] Importováno { $count } fotografií
} (nových { $added }), beze změny { $unchanged }, selhalo { $failed }
status-imported-cancelled = { $message }, zrušeno
title = Kartoteka
title-catalogue = { $catalogue } — Kartoteka
title-damaged = { $catalogue } (poškozený) — Kartoteka
title-backup = { $catalogue } (záloha) — Kartoteka
status-last-photo = To byla poslední fotografie výsledku
status-select-to-change = Nejdřív vyberte fotografie, které chcete změnit
status-cancelling-import = Ruším import…
status-cancelling-job = Ruším: { $what }…
status-select-to-tag = Nejdřív vyberte fotografie, kterým chcete přidat klíčové slovo
status-select-for-template = Nejdřív vyberte fotografie pro šablonu
status-select-to-write = Nejdřív vyberte fotografie k zápisu
status-nowhere-to-restore = Nejdřív otevřete nebo vytvořte katalog: není kam obnovit
status-no-set-shown = Delete odebírá fotografie ze zobrazené sady; žádná sada není zobrazena

## Jak se úprava jmenuje ve stavovém řádku

edit-keyword = Klíčové slovo { $keyword }
edit-rating = Hodnocení { $stars }
edit-pick = Vybrat
edit-reject = Zamítnout
edit-unflag = Zrušit příznak
edit-label = Štítek { $label ->
    [red] červený
    [yellow] žlutý
    [green] zelený
    [blue] modrý
    [purple] fialový
   *[other] { $label }
}
edit-no-label = Bez štítku

## Mřížka, tabulka a zobrazení v plné velikosti

no-photos-match = Žádné fotografie neodpovídají.
thumbnail-no-preview = { $format }
    bez náhledu
thumbnail-file-missing = soubor chybí
thumbnail-date-possible = datum?
colour-label = { $label } štítek
access-picked = vybraná
access-rejected = zamítnutá
access-position = { $position } z { $size }
access-close-window = Zavřít okno
access-fold-window = Sbalit okno
access-unfold-window = Rozbalit okno
access-resize-panel = Změnit velikost panelu
access-resize-window = { $edge ->
        [left] Změnit velikost okna levým okrajem
        [right] Změnit velikost okna pravým okrajem
        [top] Změnit velikost okna horním okrajem
        [bottom] Změnit velikost okna dolním okrajem
        [top-left] Změnit velikost okna levým horním rohem
        [top-right] Změnit velikost okna pravým horním rohem
        [bottom-left] Změnit velikost okna levým dolním rohem
       *[bottom-right] Změnit velikost okna pravým dolním rohem
    }
table-default-columns = Výchozí sloupce
table-reverse-hint = Kliknutím obrátíte pořadí; pravým tlačítkem vyberete sloupce
table-sort-hint = Kliknutím seřadíte podle tohoto sloupce; pravým tlačítkem vyberete sloupce
table-date-possible-hint = Datum se s hledaným obdobím jen překrývá
viewer-not-started = načítání se nepodařilo spustit: { $error }
viewer-photo = Fotografie v plné velikosti
viewer-zoom = { $percent } %
viewer-zoom-loading = { $percent } % · načítám plné rozlišení…
viewer-error = Tuto fotografii nelze zobrazit: { $error }
viewer-pick = vybraná
viewer-reject = zamítnutá
viewer-credit = Kredit: { $credit }
viewer-band = { $index } z { $total }   { $zoom }   ←/→ další · klik, Z nebo kolečko zvětší · tažením posun · 0–5 P X U 6–9 · Esc zpět

## Klávesové zkratky

keys-group-catalogue = Katalog
keys-group-selection = Výběr fotografií
keys-group-describing = Popis a hodnocení
keys-group-viewing = Zobrazení
key-undo = Vrátit poslední změnu
key-redo = Znovu provést vrácené
key-find = Hledat (označí dotaz, takže psaní ho nahradí)
key-import = Importovat složku
key-export-csv = Exportovat CSV
key-open-catalogue = Otevřít jiný katalog
key-quit = Ukončit (po dokončení rozdělané práce a po záloze, je-li na řadě)
key-keyboard-reference = Tento přehled kláves
key-keyboard-reference-typing = Tento přehled kláves, když žádné pole nemá klávesnici
key-move-right = Další fotografie
key-move-left = Předchozí fotografie
key-move-down = Fotografie pod (v tabulce: další)
key-move-up = Fotografie nad
key-extend-right = Rozšířit výběr doprava
key-extend-left = Rozšířit výběr doleva
key-extend-down = Rozšířit výběr dolů
key-extend-up = Rozšířit výběr nahoru
key-select-all = Vybrat všechny fotografie výsledku
key-select-none = Zrušit výběr
key-back = Opustit zobrazení v plné velikosti, zavřít O aplikaci; v mřížce zrušit výběr. V poli: opustit ho bez uložení
key-rate-0 = Bez hvězdiček
key-rate-1 = 1 hvězdička
key-rate-2 = 2 hvězdičky
key-rate-3 = 3 hvězdičky
key-rate-4 = 4 hvězdičky
key-rate-5 = 5 hvězdiček
key-pick = Vybrat
key-reject = Zamítnout
key-unflag = Zrušit příznak
key-label-red = Červený štítek
key-label-yellow = Žlutý štítek
key-label-green = Zelený štítek
key-label-blue = Modrý štítek
key-no-label = Bez barevného štítku
key-remove-from-set = Odebrat ze zobrazené sady (Zpět je vrátí)
key-write-caption = Psát popisek vybraných fotografií (napsaný text ho nahradí)
key-add-keyword = Přidat vybraným fotografiím klíčové slovo
key-add-to-set = Přidat vybrané fotografie do sady zvolené podle názvu (nový název založí novou sadu)
key-open-full-size = Otevřít fotografii v plné velikosti
key-grid-view = Mřížka
key-table-view = Tabulka
key-toggle-zoom = Plná velikost: 100 % a zpět na celé (také kliknutí)
key-zoom-in = Plná velikost: přiblížit (také kolečko)
key-zoom-out = Plná velikost: oddálit
key-tab-keys = Tab, Shift+Tab
key-tab-what = Další a předchozí pole inspektoru (opuštěné pole se uloží)
key-enter-keys = Enter
key-enter-what = Uložit pole (v popisku: uložit a přejít na popisek další fotografie)
key-shift-enter-keys = Shift+Enter
key-shift-enter-what = Nový řádek v popisku nebo poznámce
key-esc-keys = Esc
key-esc-what = Opustit pole bez uložení napsaného
key-click-keys = Klik, Shift+klik, Ctrl+klik
key-click-what = Vybrat jednu, rozsah, nebo jednu přidat či odebrat
key-drag-keys = Tažení v plné velikosti
key-drag-what = Posun po fotografii větší než okno
keys-title = Klávesnice
keys-typing = Psaní a myš

## Dialogy

file-import-folder = Importovat složku
file-export-csv = Exportovat CSV
file-import-csv = Importovat CSV
file-import-sources = Importovat prameny (CSL-JSON)
file-copies-folder = Složka pro kopie
file-set-folder = Složka pro výstavu
file-new-catalogue = Nový katalog
file-open-catalogue = Otevřít katalog
file-restore-backup = Obnovit zálohu
file-backup-folder = Složka pro zálohy
file-filter-csv = CSV
file-filter-csl = CSL-JSON
file-filter-catalogue = Katalog Kartoteky
file-new-catalogue-name = Archiv.kartoteka
path-type = Napište cestu
path-whole = Napište celou cestu, od kořene (/…)
path-no-folder = Tady žádná složka není
path-is-file = Toto je soubor, ne složka
path-no-file = Tady žádný soubor není
path-is-folder = Toto je složka; doplňte název souboru
path-no-parent = Složka pro tento soubor neexistuje
path-exists = Soubor tohoto názvu tu už je; nový katalog nikdy žádný nenahradí
path-hint = /cesta/k/…
path-name = Cesta
chooser-not-started = Systémový výběr souborů se nepodařilo spustit ({ $error }).
chooser-missing = Systémový výběr souborů se neotevřel (toto prostředí žádnou službu pro výběr souborů nenabízí). Napište místo toho cestu.
dialog-ok = OK
dialog-cancel = Zrušit
rename-keyword-heading = Přejmenovat nebo přesunout klíčové slovo
rename-keyword-explanation = Nový název, nebo celá nová cesta (Místa|Československo|Milovice), kam ho přesunout. Jeho fotografie jdou s ním.
rename-keyword-field = Nový název nebo cesta
rename-ok = Přejmenovat
merge-keyword-heading = Sloučit klíčové slovo
merge-keyword-explanation = Jeho fotografie dostanou místo něj klíčové slovo níže, klíčová slova pod ním se přesunou tam a ono samo se smaže.
merge-keyword-field = Sloučit do
merge-ok = Sloučit
rename-set-heading = Přejmenovat sadu
rename-set-explanation = Sada si ponechá fotografie, pořadí i výstavní popisky.
rename-set-field = Nový název
add-to-set-heading = Přidat { $count ->
    [one] { $count } fotografii
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} do sady
add-to-set-explanation = Napište název sady, nebo ji vyberte šipkami ↓ a ↑. Název, který žádná sada nemá, založí novou sadu.
add-to-set-field = Název sady
add-to-set-existing = Enter je přidá do sady „{ $set }“.
add-to-set-new = Enter založí novou sadu „{ $set }“ a přidá je do ní.
add-to-set-ok = Přidat
status-job-under-way = { $what } ještě probíhá

## Inspektor

inspector-nothing-selected = Vyberte fotografii, abyste viděli a mohli upravit její popis.
inspector-many = { $count ->
    [one] Vybrána { $count } fotografie; úpravy změní všechny
    [few] Vybrány { $count } fotografie; úpravy změní všechny
    [many] Vybráno { $count } fotografie; úpravy změní všechny
   *[other] Vybráno { $count } fotografií; úpravy změní všechny
}
inspector-file-section = Soubor a fotoaparát
inspector-file-section-of = Soubor a fotoaparát: { $of }
inspector-tags-section = Všechny značky ({ $count })
inspector-tags-section-of = Všechny značky: { $of } ({ $count })
inspector-history-section = Historie ({ $count })
inspector-history-section-of = Historie: { $of } ({ $count })
inspector-star-hint = { $count ->
    [one] { $count } hvězdička
    [few] { $count } hvězdičky
    [many] { $count } hvězdičky
   *[other] { $count } hvězdiček
} (klávesa { $count }); 0 žádná
inspector-stars = { $count ->
    [one] { $count } hvězdička
    [few] { $count } hvězdičky
    [many] { $count } hvězdičky
   *[other] { $count } hvězdiček
}
inspector-mixed = (různé)
inspector-key-hint = klávesa { $key }
inspector-bad-date = Takové datum katalog nepřečte. Přijímá: { $forms }
date-forms = 1991, 1991-06, 1991-06-21; 1991? nejisté, 1991~ přibližně, 199X desetiletí, 1991-XX, 1990-02/1991-06 rozmezí, ../1990
inspector-problem = ⚠ { $problem }
inspector-claims-hint = Vypsat tvrzení k tomuto poli s jejich prameny
inspector-in-sets = Ve výstavních sadách
inspector-wall-label = Výstavní popiska v sadě „{ $set }“
chip-some-hint = Jen u některých vybraných fotografií. Kliknutím odeberete.
chip-hint = Kliknutím odeberete
chip-remove = Odebrat { $keyword }
keyword-add-hint = Přidat klíčové slovo (Enter)
keyword-add = Přidat klíčové slovo
edit-keyword-removed = Klíčové slovo { $keyword } odebráno
tech-file = Soubor
tech-size = Velikost
tech-size-value = { $width } × { $height } { $format }, { $megabytes } MB
tech-camera = Fotoaparát
tech-lens = Objektiv
tech-taken = Pořízeno
tech-digitised = Digitalizováno
tech-shutter-fraction = 1/{ $denominator } s
tech-shutter = { $seconds } s
tech-aperture = f/{ $f }
tech-iso = ISO { $iso }
tech-focal-length = { $mm } mm
tech-exposure = Expozice
tech-gps = GPS
tech-gps-altitude = { $place }, { $metres } m
tech-warning = Upozornění
history-none = V katalogu nezměněno
history-entry = { $when }  { $what }
# Who made an operation, and when: "Jana Nováková, 30. 11. 2026 14:02".
history-by = { $who }, { $when }
history-undone = { $when }  { $what } (vráceno)
history-on-photos = { $what } u { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-rating = Hodnocení { $stars }
history-cleared = Vymazáno: { $field }
history-keywords-added = { $count ->
    [one] Klíčové slovo
   *[other] Klíčová slova
} { $keywords }
history-keywords-removed = { $count ->
    [one] Odebráno klíčové slovo
   *[other] Odebrána klíčová slova
} { $keywords }
history-undo-of = Zpět: { $what }
history-redo-of = Znovu: { $what }
history-set-created = Vytvořena sada „{ $set }“
history-set-created-with = Vytvořena sada „{ $set }“ s { $count ->
    [one] { $count } fotografií
   *[other] { $count } fotografiemi
}
history-search-saved = Uloženo hledání „{ $set }“
history-set-deleted = Smazána sada „{ $set }“ ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-search-deleted = Smazáno uložené hledání „{ $set }“
history-set-renamed = Sada „{ $old }“ přejmenována na „{ $new }“
history-set-added = Do sady „{ $set }“ { $count ->
    [one] přidána { $count } fotografie
    [few] přidány { $count } fotografie
    [many] přidáno { $count } fotografie
   *[other] přidáno { $count } fotografií
}
history-set-removed = Ze sady „{ $set }“ { $count ->
    [one] odebrána { $count } fotografie
    [few] odebrány { $count } fotografie
    [many] odebráno { $count } fotografie
   *[other] odebráno { $count } fotografií
}
history-set-wall-labels = { $count ->
    [one] Výstavní popiska
    [few] { $count } výstavní popisky
    [many] { $count } výstavní popisky
   *[other] { $count } výstavních popisek
} v sadě „{ $set }“
history-set-order = Nové pořadí sady „{ $set }“
history-keyword-renamed = Klíčové slovo { $old } přejmenováno na { $new }
history-keyword-deleted = Smazáno klíčové slovo { $keyword } ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-keyword-merged = Klíčové slovo { $keyword } sloučeno do { $into } ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
history-keyword-list = Seznam klíčových slov: { $keywords ->
    [one] přidáno { $keywords } klíčové slovo
    [few] přidána { $keywords } klíčová slova
    [many] přidáno { $keywords } klíčového slova
   *[other] přidáno { $keywords } klíčových slov
} a { $synonyms ->
    [one] { $synonyms } synonymum
    [few] { $synonyms } synonyma
    [many] { $synonyms } synonyma
   *[other] { $synonyms } synonym
}
history-template-saved = Uložena šablona „{ $template }“
history-template-changed = Změněna šablona „{ $template }“
history-template-deleted = Smazána šablona „{ $template }“
history-template-applied = Šablona „{ $template }“ u { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-csv = Import CSV ze souboru { $file }: { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-csv-labels = Import CSV ze souboru { $file }: { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
}, { $labels ->
    [one] { $labels } výstavní popiska
    [few] { $labels } výstavní popisky
    [many] { $labels } výstavní popisky
   *[other] { $labels } výstavních popisek
}
history-source-added = Přidán pramen „{ $source }“
history-source-changed = Změněn pramen „{ $source }“
history-source-removed = Odebrán pramen „{ $source }“
history-sources-imported = { $count ->
    [one] Importován { $count } pramen
    [few] Importovány { $count } prameny
    [many] Importováno { $count } pramene
   *[other] Importováno { $count } pramenů
}
history-source-merged = Pramen „{ $source }“ sloučen do „{ $into }“
history-claim = { $field } { $value }
history-claim-cited = { $field } { $value } ({ $source })
history-claims-added = Tvrzení k poli { $field } u { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-claims-added-cited = Tvrzení k poli { $field } u { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
} z pramene „{ $source }“
history-claim-preferred = Upřednostněno tvrzení { $claim }
history-claim-removed = Odebráno tvrzení { $claim }
history-claim-changed = Změněno tvrzení { $claim }
history-claims-csv = CSV tvrzení: { $claims ->
    [one] { $claims } tvrzení
    [few] { $claims } tvrzení
    [many] { $claims } tvrzení
   *[other] { $claims } tvrzení
} u { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografií
    [many] { $count } fotografie
   *[other] { $count } fotografií
}
history-claim-step-added = Tvrzení { $claim } přidáno
history-claim-step-added-preferred = Tvrzení { $claim } přidáno jako upřednostněné
history-claim-step-removed = Tvrzení { $claim } odebráno
history-claim-step-preferred = Tvrzení { $claim } upřednostněno
history-claim-step-not-preferred = Tvrzení { $claim } už není upřednostněné
history-claim-step-changed = Tvrzení { $claim } změněno
history-change = { $field }: { $old } → { $new }
history-quoted = „{ $text }“
history-empty = (prázdné)
history-no-items = (žádná)

## Katalogy: první spuštění, poškození, zálohy, O aplikaci, odchod

menu-new-catalogue = Nový katalog…
menu-open-catalogue = Otevřít katalog…
menu-open-recent = Otevřít nedávný
menu-back-up = Zálohovat katalog…
work-import = Import
work-import-progress = Import ({ $done } z { $total } souborů)
work-job-progress = { $what } ({ $percent } %)
welcome-heading = Vítejte v Kartotece
welcome-explanation = Katalog uchovává vše, co se ví o fotografiích archivu. Na tomto počítači zatím žádný není.
welcome-create = Vytvořit katalog
welcome-open = Otevřít katalog…
welcome-open-hint = Dříve vytvořený, na tomto počítači nebo na disku
welcome-restore = Obnovit zálohu…
welcome-restore-hint = Záloha katalogu (soubor .kartoteka ve složce Backups)
welcome-recent = Dříve otevřené katalogy (poslední nebyl nalezen: je připojen jeho disk?):
welcome-recent-hint = Otevřít tento katalog
damaged-heading = Tento katalog je poškozený
damaged-message = { $error }
damaged-explanation = Kartoteka v něm nic nezměnila a nebude do něj zapisovat. Soubor si ponechte: může ještě pomoci tomu, kdo ho bude opravovat.
damaged-newest-backup = Jeho nejnovější záloha je z { $when }:
damaged-restore = Obnovit tuto zálohu do nového katalogu
damaged-restore-hint = Obnovený katalog je nový soubor vedle poškozeného, který zůstane, jak je. Změny provedené po záloze v něm nejsou.
damaged-no-backup = V jeho složce záloh nebyla nalezena žádná záloha.
restore-another = Obnovit jinou zálohu…
open-another = Otevřít jiný katalog…
backup-file-heading = Toto je záloha katalogu
backup-file-taken = pořízená { $when }
backup-file-explanation = V záloze se nepracuje, aby zůstala přesně taková, jaká byla. Obnovení z ní vytvoří nový katalog a otevře ho.
backup-file-restore = Obnovit ji do nového katalogu
about-heading = Kartoteka { $version }
about-description = Katalogizace fotografií pro dokumentární fotoarchivy
about-licence = Licence: { $licence }
about-catalogue = Katalog
about-none-open = žádný není otevřen
about-schema = Verze schématu
about-schema-current = { $version } (verze, kterou tato Kartoteka zapisuje)
about-schema-writes = tato Kartoteka zapisuje verzi { $version }
about-backups = Zálohy
about-backups-beside = vedle katalogu
about-fonts = Písma
about-fonts-egui = Text se kreslí písmy egui: Ubuntu Light (Ubuntu Font Licence 1.0), Hack (licence MIT a Bitstream Vera), Noto Emoji (SIL Open Font Licence 1.1) a písma emoji a ikon egui (SIL OFL 1.1, MIT).
about-fonts-dejavu = Symboly a písmena, která jim chybí, pocházejí z DejaVu Sans, přibaleného ke Kartotece pod touto licencí:
about-libraries = Vestavěné knihovny ({ $count })
about-libraries-notice = Dekódování JPEG a kódování náhledů používá kodek libjpeg-turbo (sestavení mozjpeg): tento software je zčásti založen na práci Independent JPEG Group. SQLite je volné dílo (public domain).
backup-title = Zálohovat katalog
backup-explanation = Katalog a jeho náhledy se zkopírují za běhu, zkontrolují na poškození a pojmenují podle data a času.
backup-folder = Složka záloh
backup-choose-folder = Vybrat jinou složku…
backup-beside = Vedle katalogu
backup-keep = Ponechat
backup-keep-newest = nejnovějších
backup-kept-name = Počet ponechaných záloh
backup-keep-rest = { $count ->
    [one] zálohu; starší se smažou
    [few] zálohy; starší se smažou
    [many] zálohy; starší se smažou
   *[other] záloh; starší se smažou
}
backup-automatically = Automaticky
backup-newest = Nejnovější záloha
backup-newest-value = { $when }  ({ $file })
backup-none-yet = zatím žádná
backup-now = Zálohovat teď
leaving-backing-up = Zálohuji před ukončením
leaving-quitting = Ukončím, až bude rozdělaná práce hotová
leaving-switching = Otevřu { $catalogue }, až bude rozdělaná práce hotová
leaving-backup-hint = Záloha se před uložením zkontroluje; přeskočení nezanechá žádný neúplný soubor.
leaving-cancel-hint = Zrušení ponechá celé, co je hotovo; nic nezůstane zapsané napůl.
leaving-skip-backup = Přeskočit tuto zálohu
leaving-cancel-import = Zrušit import
leaving-cancel-job = Zrušit ji
leaving-dont-quit = Neukončovat
leaving-stay = Zůstat tady

## Tvrzení a prameny

claims-disagree = ⚠ { $count ->
    [one] { $count } tvrzení nesouhlasí
    [few] { $count } tvrzení nesouhlasí
    [many] { $count } tvrzení nesouhlasí
   *[other] { $count } tvrzení nesouhlasí
}
claims-count = ⚖ { $count ->
    [one] { $count } tvrzení
    [few] { $count } tvrzení
    [many] { $count } tvrzení
   *[other] { $count } tvrzení
}
claims-section = Tvrzení a prameny
claims-section-count = Tvrzení a prameny ({ $count })
claims-section-disputed = Tvrzení a prameny ({ $count }; ⚠ { $disputed ->
    [one] { $disputed } sporné pole
    [few] { $disputed } sporná pole
    [many] { $disputed } sporného pole
   *[other] { $disputed } sporných polí
})
source-citation = Citace
source-authors = Autoři (;)
source-title = Název
source-publisher = Vydavatel
source-date = Datum
source-url = URL
source-reference = Archivní signatura
source-note = Poznámka
claim-no-source = bez pramene
claim-note = poznámka: { $note }
claim-kept-from-team = změněno na dvou replikách týmu nezávisle na sobě
claims-on = Tvrzení k poli { $field }
claims-every-field = Ukázat všechna pole
claims-heading = { $field } — { $mark }
claims-none-on = K poli { $field } zatím žádná tvrzení.
claims-none = K této fotografii zatím žádná tvrzení.
claims-first-photo = Vypsaná tvrzení jsou první fotografie; přidané tvrzení dostanou všechny.
claim-preferred-hint = Upřednostněné: pole ukazuje tuto hodnotu
claim-other-hint = Jiná verze, uchovaná se svým pramenem
claim-prefer = Upřednostnit
claim-prefer-hint = Ukázat tuto hodnotu v poli
claim-edit = Upravit
claim-edit-hint = Změnit pramen, lokátor, jistotu nebo poznámku
claim-remove = Odebrat
claim-remove-hint = Ctrl+Z ho vrátí
claim-form-change = Změnit pramen tvrzení
claim-form-add-many = { $count ->
    [one] Přidat tvrzení k { $count } fotografii
    [few] Přidat tvrzení ke { $count } fotografiím
    [many] Přidat tvrzení k { $count } fotografie
   *[other] Přidat tvrzení k { $count } fotografiím
}
claim-form-add = Přidat tvrzení
claim-form-field = Pole
claim-form-field-name = Pole tvrzení
claim-form-value = Hodnota
claim-form-source = Citovaný pramen
claim-form-no-source = ✕ bez pramene
claim-form-no-source-hint = Necitovat žádný pramen
claim-form-source-hint = Pište pro vyhledání nebo vytvoření pramene
claim-form-more-sources = a { $count } dalších; upřesněte dalšími slovy
claim-form-new-source = Nový pramen „{ $citation }“
claim-form-new-source-hint = Vytvoří se s tvrzením; upravit ho lze v postranním panelu
claim-form-locator = Lokátor
claim-form-locator-hint = s. 12, rub obalu
claim-form-certainty = Jistota
claim-form-not-said = neuvedena
claim-form-note = Poznámka
claim-form-prefer = Upřednostnit: pole ukáže tuto hodnotu
claim-form-save = Uložit tvrzení
claim-form-submit = Přidat tvrzení
sources-none = Zatím žádné prameny: přidejte pramen s tvrzením, nebo importujte CSL-JSON.
sources-import = Importovat CSL-JSON…
sources-import-hint = Prameny exportované ze Zotera nebo jiného správce citací
source-hint = { $title }
    { $count ->
        [one] Cituje ho { $count } fotografie; pravým tlačítkem upravit nebo sloučit
        [few] Citují ho { $count } fotografie; pravým tlačítkem upravit nebo sloučit
        [many] Cituje ho { $count } fotografie; pravým tlačítkem upravit nebo sloučit
       *[other] Cituje ho { $count } fotografií; pravým tlačítkem upravit nebo sloučit
    }
source-edit = Upravit nebo sloučit…
source-show-photos = Ukázat jeho fotografie
source-window = Pramen { $id }
source-kind = Druh
source-kind-name = Druh pramene
source-save = Uložit
source-choose = vyberte pramen
source-merge-name = Sloučit do pramene
source-merge-hint = Jeho tvrzení budou místo něj citovat vybraný pramen; Ctrl+Z to vrátí
source-cited-by = Cituje ho { $claims ->
    [one] { $claims } tvrzení
    [few] { $claims } tvrzení
    [many] { $claims } tvrzení
   *[other] { $claims } tvrzení
} u { $photos ->
    [one] { $photos } fotografie
    [few] { $photos } fotografií
    [many] { $photos } fotografie
   *[other] { $photos } fotografií
}

## CSV, vkládání metadat a export sady

csv-file-stem = katalog
csv-photos = Fotografie
csv-result = Výsledek na obrazovce ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-selection = Vybrané fotografie ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-set = Sada „{ $set }“ ve svém pořadí, s výstavními popiskami ({ $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
})
csv-format = Formát
csv-format-catalogue = Katalog, pro tabulkové procesory
csv-format-catalogue-hint = Srozumitelná záhlaví. Buňka začínající = + - @ dostane na začátek ', aby ji tabulkový procesor zobrazil a nespustil; Import CSV ho zase odstraní.
csv-format-exiftool = exiftool (exiftool -csv=SOUBOR -sep "; ")
csv-format-exiftool-hint = Sloupce pojmenované podle značek a přesné hodnoty, pro zápis do souborů.
csv-save-as = Uložit jako…
csv-empty = (prázdné)
csv-import-title = Import CSV: { $file }
csv-values = { $count ->
    [one] { $count } hodnota
    [few] { $count } hodnoty
    [many] { $count } hodnoty
   *[other] { $count } hodnot
}
csv-claims = { $count ->
    [one] { $count } tvrzení
    [few] { $count } tvrzení
    [many] { $count } tvrzení
   *[other] { $count } tvrzení
}
csv-values-and-labels = { $values }, { $count ->
    [one] { $count } výstavní popiska
    [few] { $count } výstavní popisky
    [many] { $count } výstavní popisky
   *[other] { $count } výstavních popisek
}
csv-would-change = Změnilo by se { $count ->
    [one] { $count } fotografie
    [few] { $count } fotografie
    [many] { $count } fotografie
   *[other] { $count } fotografií
} ({ $what }). Zatím se nic nezměnilo.
csv-blank-clears = Prázdné buňky pole vymažou
csv-labels-into = Výstavní popisky do
csv-no-set = žádné sady
csv-problems = { $count ->
    [one] { $count } problém
    [few] { $count } problémy
    [many] { $count } problému
   *[other] { $count } problémů
} (tyto řádky a buňky zůstanou beze změny)
csv-column-photo = Fotografie
csv-column-field = Pole
csv-column-now = Nyní
csv-column-after = Potom
csv-wall-label = výstavní popiska
csv-claim-row = tvrzení, řádek { $row }
csv-apply = Použít { $count ->
    [one] { $count } změnu
    [few] { $count } změny
    [many] { $count } změny
   *[other] { $count } změn
}
csv-apply-hint = Jedna operace v historii: jediné Zpět ji celou vrátí
embed-title = Vložit metadata do původních souborů
embed-explanation = Kartoteka zapíše popisy z katalogu (XMP, a v JPEG a TIFF také IPTC) do { $count ->
    [one] { $count } původního souboru
    [few] { $count } původních souborů
    [many] { $count } původního souboru
   *[other] { $count } původních souborů
}. Obrazová data zůstanou přesně, jak jsou; každý soubor se nahradí jedním krokem, takže přerušení zanechá starý soubor, nebo nový.
embed-keep-copy = Ponechat kopii každého originálu vedle něj (.NÁZEV.kartoteka-backup)
embed-ok = Vložit do { $count ->
    [one] { $count } souboru
    [few] { $count } souborů
    [many] { $count } souboru
   *[other] { $count } souborů
}
set-export-title = Export „{ $set }“
set-export-explanation = Číslované kopie JPEG v pořadí sady s vloženými popisy, soupis (CSV) a tisknutelný přehled náhledů (HTML) se uloží do složky, kterou vyberete.
set-export-scale = Zmenšit na delší stranu
set-export-pixels = {" "}px
set-export-strip-gps = Vynechat polohy GPS
set-export-ok = Vybrat složku a exportovat…
problems-title = Problémy: { $what }

## Chyby podrobně: co katalog odmítl a proč nešlo soubor použít

error-other = { $error } (podrobnosti jsou jen v angličtině)
error-io-other = { $file }: { $error } (podrobnosti jsou jen v angličtině)
error-catalogue-locked = { $file } používá jiný program a zůstal zamčený; zkuste to znovu, až skončí
error-catalogue-read-only = { $file } je pro tohoto uživatele jen pro čtení; nic se nezměnilo
error-disk-full = disk se souborem { $file } je plný; nic se nezměnilo: uvolněte místo a zkuste to znovu
error-catalogue-damaged = { $file } je poškozený; obnovte ho ze zálohy
error-catalogue-cannot-open = { $file } nelze otevřít ani vytvořit (existuje jeho složka a smí do ní tento uživatel zapisovat?)
error-permission-denied = { $file }: přístup odepřen
error-disk-failed = disk ohlásil chybu při čtení nebo zápisu souboru { $file }
error-not-found = { $file } neexistuje
error-already-exists = { $file } už existuje
error-quota-exceeded = { $file }: diskový limit tohoto uživatele je vyčerpán; nic se nezměnilo
error-read-only-disk = { $file } je na disku jen pro čtení
error-is-a-folder = { $file } je složka
error-not-a-folder = část cesty { $file } není složka
error-folder-not-empty = složka { $file } není prázdná
error-file-too-large = { $file } je na svůj disk příliš velký
error-bad-file-name = { $file } není název souboru, který tento disk přijme
error-file-cut-short = { $file } končí předčasně; není useknutý?
error-out-of-memory = na { $file } nestačí paměť
error-newer-version = katalog zapsala novější verze Kartoteky (verze schématu { $found }; tato verze zná nejvýše { $known }); zůstal beze změny
error-not-a-catalogue = { $file } není katalog Kartoteky; zůstal beze změny
error-migration = převod katalogu na verzi schématu { $version } selhal ({ $reason }); značka verze může být poškozená: obnovte katalog ze zálohy
error-read-only-upgrade = katalog je třeba převést z verze schématu { $found } na { $known }, ale pro tohoto uživatele je jen pro čtení; otevřete ho jednou s právem zápisu
error-read-only-journal = katalog má v { $file } změny, které nějaký program nedokončil, a pro tohoto uživatele je jen pro čtení; otevřete ho jednou s právem zápisu, aby se začlenily
error-no-such-photo = fotografie { $photo } v katalogu není
error-catalogue-data-damaged = data katalogu jsou poškozená ({ $reason }); obnovte katalog ze zálohy
error-name-needed = { $what ->
    [template] šablona musí mít název
   *[set] sada musí mít název
}
error-query-does-not-parse = dotazu nelze porozumět na pozici { $position }: { $reason }
error-query-quote-not-closed = tyto uvozovky se nikde neuzavírají
error-query-empty-quotes = prázdné uvozovky
error-query-unmatched-close = „)“ bez „(“ před ní
error-query-open-not-closed = „(“ se nikde neuzavírá
error-query-unexpected-text = nečekaný text
error-query-or-needs-after = za OR musí něco následovat
error-query-or-needs-before = před OR musí něco být
error-query-or-or = dvakrát OR za sebou
error-query-nothing-to-exclude = za „-“ musí následovat, co se má vyloučit
error-query-ends-too-early = dotaz končí předčasně
error-query-too-deep = závorky a „-“ jsou vnořené hlouběji, než dovoluje mez { $limit } { $limit ->
    [one] úrovně
   *[other] úrovní
}
error-query-no-words = „{ $term }“ nemá žádná písmena ani číslice, podle kterých by šlo hledat; vynechte to, nebo hledejte slova
error-query-needs-value = za „{ $field }:“ chybí hodnota
error-query-unknown-field = neznámé pole „{ $field }:“ (pole jsou { $fields })
error-query-not-a-date = „{ $value }“ není datum (pište 1991, 1991-06 nebo 1991-06-21)
error-query-range-without-ends = rozmezí dat potřebuje aspoň jeden konec
error-query-range-backwards = rozmezí { $range } končí dřív, než začíná
error-query-bad-rating = hodnocení je 0 až 5, případně za >=, >, <=, < nebo =; ne „{ $value }“
error-query-bad-flag = příznak je pick, reject nebo none, ne „{ $value }“
error-query-bad-label = barevný štítek je red, yellow, green, blue, purple nebo none, ne „{ $value }“
error-query-bad-property = za „{ $field }:“ patří jedno z { $names }, ne „{ $value }“
error-query-not-descriptive = za „{ $field }:“ patří popisné pole (caption, date, city, person, …), ne „{ $value }“
error-query-bad-certainty = jistota je certain, probable nebo possible, ne „{ $value }“
error-query-bad-status = stav je missing nebo warning, ne „{ $value }“
error-sort-unknown = řazení „{ $name }“ neexistuje; řaďte podle { $names } (úvodní - obrací pořadí)
error-search-no-words = „{ $term }“ nemá žádná písmena ani číslice, podle kterých by šlo hledat
error-cites-no-words = v cites:{ $words } nejsou žádná slova, podle kterých by šlo hledat v pramenech
error-saved-search-loop = uložené hledání „{ $name }“ odkazuje přes jiná uložená hledání samo na sebe
error-saved-search-does-not-parse = uloženému hledání „{ $name }“ nelze porozumět na pozici { $position }: { $reason }
error-set-order-needs-set = řazení podle pořadí v sadě potřebuje filtr set: s názvem výstavní sady
error-import-system = { $kind ->
    [not-found] soubor ani složka neexistuje
    [permission-denied] přístup odepřen
    [is-a-folder] je to složka
    [cut-short] soubor končí předčasně
    [out-of-memory] nedostatek paměti
   *[other] { $detail }
}
error-import-unreadable = nelze přečíst: { $reason }
error-import-link-loop = symbolický odkaz vede zpět do { $folder }
error-import-not-a-photo-file = je { $kind }, ne soubor s fotografií; nebyl přečten
error-import-not-a-file = je { $kind }, ne obyčejný soubor; nebyl přečten
error-import-empty = je prázdný (0 bajtů)
error-import-not-an-image = není v obrazovém formátu, který Kartoteka čte (JPEG, TIFF, PNG, WebP, JPEG XL, HEIF, raw z fotoaparátu)
error-import-unsupported = je ve formátu { $format }, který Kartoteka nečte
error-import-damaged = je poškozený: { $damage }
error-import-too-large = má { $size }, víc než { $limit }, které Kartoteka přečte
error-import-too-many-pixels = udává { $width } × { $height } pixelů, víc než { $limit } { $limit ->
    [one] megapixel
    [few] megapixely
   *[other] megapixelů
}, které Kartoteka dekóduje
error-import-too-many-scans = je progresivní JPEG s více než { $limit } průchody (scans); takový Kartoteka nedekóduje (skutečné jich mívají kolem deseti)
error-damage-structure = struktura souboru { $format } je porušená: { $detail }
error-damage-tiff = struktura souboru TIFF je porušená: { $detail }
error-damage-png-without-header = PNG nezačíná blokem IHDR
error-damage-png-cut-short = PNG je useknutý ještě před hlavičkou
error-damage-jxl-header = hlavičku JPEG XL nelze přečíst: { $detail }
error-damage-jxl-cut-short = hlavička JPEG XL je useknutá nebo příliš velká
error-damage-no-image-size = nepodařilo se zjistit rozměry obrazu
error-damage-pixels = obrazová data nelze dekódovat: { $detail }
error-damage-thumbnail = náhled nelze zakódovat: { $detail }
fault-ends-in-structure = soubor končí uprostřed své struktury
fault-ends-in-metadata = soubor končí uprostřed bloku metadat
fault-ends-before-copied = soubor končí před částí, která se kopíruje
fault-part-past-end = vložená část leží za koncem souboru
fault-no-jpeg-start = chybí počáteční značka JPEG
fault-too-many-segments = před obrazovými daty je víc než { $limit } segmentů
fault-segment-too-short = segment udává délku menší než 2
fault-segment-past-end = segment přesahuje konec souboru
fault-no-png-signature = chybí podpis PNG
fault-no-png-header = chybí blok IHDR
fault-chunk-cut-short = blok { $kind } na bajtu { $at } je useknutý
fault-not-tiff = nejde o soubor TIFF
fault-tiff-header-cut-short = hlavička TIFF je useknutá
fault-bigtiff-header = hlavička BigTIFF je poškozená
fault-tiff-cut-short = soubor TIFF je useknutý
fault-tiff-metadata-too-large = metadata TIFF jsou příliš velká
fault-tiff-loop = adresáře TIFF na sebe odkazují dokola
fault-tiff-past-budget = adresáře TIFF obsahují víc než { $limit } metadat, které Kartoteka přečte
fault-too-many-tiff-directories = soubor má víc než { $limit } adresářů TIFF
fault-tiff-entries = adresář TIFF udává { $count } { $count ->
    [one] položku
    [few] položky
   *[other] položek
}
fault-tiff-value-past-end = hodnota TIFF leží za koncem souboru
fault-ends-in-tiff-value = soubor končí uprostřed hodnoty TIFF
fault-ends-in-box = soubor končí uprostřed boxu
fault-too-many-boxes = jeden kontejner obsahuje víc než { $limit } boxů
fault-box-past-container = box { $kind } na bajtu { $at } přesahuje svůj kontejner
fault-uuid-box-too-short = box uuid je příliš krátký
fault-box-cut-short = obsah boxu je useknutý
fault-bad-field-size = box udává velikost pole, která neexistuje
fault-boxes-too-deep = boxy jsou vnořené hlouběji než { $limit } úrovní, které Kartoteka prochází
fault-no-meta-box = chybí box meta
fault-heif-item-table-too-large = tabulka položek HEIF je příliš velká
fault-heif-item-past-end = data položky HEIF leží za koncem souboru
fault-raf-header-past-end = hlavička RAF ukazuje za konec souboru
error-csv-cell = řádek { $row }, sloupec { $column }: { $problem }
error-csv-row = řádek { $row }: { $problem }
error-csv-column = sloupec { $column }: { $problem }
error-csv-quote-not-closed = uvozovky otevřené zde se nikde neuzavírají, takže zbytek souboru je uvnitř této buňky; tento řádek ani žádný další se nezměnil
error-csv-text-after-quote = za uzavírací uvozovkou této buňky následuje text (uvozovka uvnitř buňky v uvozovkách se píše dvakrát); řádek zůstal beze změny
error-csv-utf16-odd = soubor vypadá jako text v UTF-16, ale má lichý počet bajtů; nic se nenačetlo (uložte ho znovu jako UTF-8 nebo UTF-16)
error-csv-utf16-broken = soubor je text v UTF-16 s poškozeným znakem; nic se nenačetlo
error-csv-header-unreadable = řádek záhlaví nelze přečíst: { $problem }
error-csv-empty = soubor je prázdný
error-csv-unknown-column = neznámý sloupec „{ $name }“; nebere se v úvahu
error-csv-column-twice = sloupec „{ $name }“ je v souboru { $count }krát (sloupce { $columns }); nečte se ani jeden
error-csv-no-photo-column = chybí sloupec ID, File nebo SourceFile, podle kterého by se řádky přiřadily k fotografiím
error-csv-no-claim-column = chybí sloupec { $column }; nic se nenačetlo
error-csv-no-claim-photo-column = chybí sloupec Photo ID nebo File, podle kterého by se řádky přiřadily k fotografiím; nic se nenačetlo
error-csv-cell-count = má { $cells } { $cells ->
    [one] buňku
    [few] buňky
    [many] buňky
   *[other] buněk
}, ale záhlaví { $header }; řádek zůstal beze změny
error-csv-no-photo-key = chybí ID fotografie i soubor, podle kterých by se řádek přiřadil; řádek zůstal beze změny
error-csv-named-by-rows = fotografii { $photo } uvádějí řádky { $rows }; nepoužil se ani jeden
error-csv-row-left = { $reason }; řádek zůstal beze změny
error-row-cell-too-long = buňka má { $size }, víc než { $limit }, které Kartoteka uchová v jednom poli
error-row-not-utf8 = není platný text v UTF-8
error-row-not-an-id = „{ $text }“ není ID { $of ->
    [claim] tvrzení
    [source] pramene
   *[photo] fotografie
}
error-row-not-yes-or-no = Preferred je yes nebo no, ne „{ $value }“
error-row-no-such-photo = fotografie s ID { $photo } neexistuje
error-row-no-photo-at = fotografie { $file } v katalogu není
error-row-id-and-file-differ = ID { $id } a File { $file } označují dvě různé fotografie ({ $id } a { $other })
error-row-photo-and-file-differ = Photo ID { $photo } a File { $file } označují dvě různé fotografie
error-row-source-is-another = Source ID { $id } je „{ $citation }“, ne „{ $cell }“, jak uvádí buňka Source
error-row-no-source-cited = žádný pramen není citován jako „{ $citation }“ (nejdřív ho přidejte, nebo uveďte jeho Source ID)
error-row-sources-cited = jako „{ $citation }“ { $sources ->
    [one] je citován { $sources } pramen
    [few] jsou citovány { $sources } prameny
    [many] je citováno { $sources } pramene
   *[other] je citováno { $sources } pramenů
}; uveďte Source ID
error-row-not-claimable = „{ $field }“ není pole, o kterém se vedou tvrzení
error-row-rivals-preferred = řádky { $rows } všechny upřednostňují tvrzení o poli { $field } u fotografie { $photo }
error-row-no-such-claim-on-photo = u fotografie { $photo } není tvrzení { $id } (nové tvrzení nemá Claim ID)
error-row-claim-of-another-field = tvrzení { $id } se týká pole { $was }, ne { $field } (nové tvrzení nemá Claim ID)
error-row-last-preferred = tvrzení { $id } je u svého pole upřednostněné; upřednostněte místo něj jiné
error-no-such-set = výstavní sada „{ $set }“ neexistuje
error-no-such-set-or-search = sada ani uložené hledání „{ $set }“ neexistuje
error-search-not-set = „{ $set }“ je uložené hledání, ne výstavní sada
error-set-name-taken = sada nebo uložené hledání „{ $set }“ už existuje
error-not-in-set = fotografie { $photo } není v sadě „{ $set }“
error-no-such-template = šablona „{ $name }“ neexistuje
error-not-for-template = šablona nemůže obsahovat pole { $field } (klíčová slova se přidávají jako klíčová slova)
error-bad-value = { $field }: { $expected ->
    [rating] hodnocení je 0 až 5
    [flag] příznak je pick, reject nebo none
    [label] barevný štítek je red, yellow, green, blue, purple nebo none
   *[list] je třeba seznam textů
}, ne „{ $value }“
error-bad-date = „{ $value }“ není { $of ->
    [source] datum pramene
   *[photo] datum
} (pište 1991, 1991-06 nebo 1991-06-21; 1991? nejisté, 1991~ přibližně, 199X desetiletí, 1990-02/1991-06 rozpětí)
error-field-too-long = { $field }: víc než { $limit }, kolik pole pojme
error-part-too-long = { $part ->
    [citation] citace
    [title] název
    [publisher] vydavatel
    [date] datum
    [url] URL
    [reference] signatura
    [note] poznámka
    [authors] autoři
    [locator] lokátor
   *[other] další pole CSL
} { $record ->
    [claim] tvrzení
   *[source] pramene
}: víc než { $limit }, kolik pole pojme
error-size-bytes = { $count ->
    [one] { $count } bajt
    [few] { $count } bajty
   *[other] { $count } bajtů
}
error-no-such-keyword = klíčové slovo „{ $keyword }“ neexistuje
error-ambiguous-keyword = „{ $keyword }“ je název více klíčových slov; zadejte cestu: { $paths }
error-keyword-not-created = klíčové slovo „{ $keyword }“ se nepodařilo vytvořit
error-not-a-keyword-path = „{ $keyword }“ není cesta klíčového slova
error-not-a-keyword-name = „{ $keyword }“ není název klíčového slova
error-keyword-under-itself = { $keyword } nemůže být pod sebou samým
error-keyword-into-itself = { $keyword } nelze sloučit se sebou samým ani s klíčovým slovem pod ním
error-keyword-exists = { $keyword } už existuje; obě klíčová slova raději slučte
error-keywords-too-deep = seznam klíčových slov je vnořen hlouběji než { $limit } úrovní, které Kartoteka uchová
error-keyword-path-too-deep = cesta klíčového slova o { $levels } úrovních je hlubší než { $limit }, které Kartoteka uchová
error-not-claimable = tvrzení se týkají popisného pole ({ $fields }), ne pole { $field }
error-claim-needs-value = tvrzení potřebuje hodnotu pole { $field }
error-no-such-claim = tvrzení { $id } neexistuje
error-no-such-source = pramen { $id } neexistuje
error-source-not-added = pramen nebyl přidán
error-source-needs-citation = pramen potřebuje citaci, název nebo autora
error-no-such-source-kind = druh pramene je { $kinds }, ne „{ $value }“
error-no-such-source-field = pramen má citaci, autora, název, vydavatele, datum, URL, signaturu, druh a poznámku, ne „{ $field }“
error-source-in-use = na pramen { $id } se dosud odvolávají tvrzení
error-source-still-cited = na pramen { $id } („{ $citation }“) se { $claims ->
    [one] odvolává { $claims } tvrzení
    [few] odvolávají { $claims } tvrzení
   *[other] odvolává { $claims } tvrzení
} u { $photos ->
    [one] { $photos } fotografie
   *[other] { $photos } fotografií
}; nejdřív je odeberte, nebo pramen odeberte přesto (tvrzení zůstanou, jen bez pramene)
error-source-into-itself = pramen { $id } nelze sloučit se sebou samým
error-history-damaged = historie úprav je poškozená (změnu pole { $field } nelze přečíst); nic se nezměnilo
error-not-a-catalogue-file = { $file } je { $kind }, ne soubor katalogu
error-thread-not-started = nepodařilo se spustit { $which ->
    [readers] vlákna pro čtení souborů
   *[import] vlákno importu
}: { $reason }
error-not-a-regular-file = { $file } je { $kind }, ne obyčejný soubor; nebyl přečten
error-file-larger-than-read = { $file } má { $size }, víc než { $limit }, které Kartoteka přečte
error-not-written-over = { $file } je { $kind }; Kartoteka ho nepřepíše
error-left-unchanged-exists = { $file } už existuje; zůstal beze změny
error-is-a-database = { $file } je databáze SQLite (katalog nebo jeho náhledy?); zůstal beze změny
error-protected = { $file } je chráněný (katalog, jeho náhledy nebo katalogizovaná fotografie); zůstal beze změny
error-other-owner = { $file } patří jinému uživateli nebo skupině, což by se jeho nahrazením změnilo; zůstal beze změny
error-no-folder = složka { $file } neexistuje
error-changed-on-disk = { $file } se od katalogizace na disku změnil; nejdřív ho znovu importujte
error-bad-sidecar = { $file } není platné XMP ({ $reason }); zůstal beze změny
error-no-file-name = { $file } nemá název souboru
error-folder-holds-files = ve složce { $file } už jsou soubory; exportujte do prázdné složky, nebo povolte nahradit, co tam zanechal dřívější export (katalogizovaná fotografie se nenahradí nikdy)
error-not-decoded = { $file } se nepodařilo dekódovat nebo znovu zakódovat: { $reason }
error-checklist-not-written = soupis se nepodařilo zapsat: { $reason }
error-not-embedded = metadata se nepodařilo vložit do { $file }: { $reason }
embed-xmp-too-large = XMP ({ $size }) je větší, než pojme jeden segment JPEG
embed-exif-too-large = EXIF je větší, než pojme jeden segment JPEG
embed-metadata-too-large = jeho metadata jsou větší než { $limit }, které Kartoteka přepisuje
embed-no-image-data = neobsahuje žádná obrazová data
embed-bigtiff = do souborů BigTIFF se nezapisuje; zapište metadata raději do postranních souborů XMP
embed-raw = do originálů z fotoaparátu ({ $format }) se nikdy nezapisuje; zapište metadata raději do postranních souborů XMP
embed-not-writable = Kartoteka nezapisuje metadata do souborů { $format }; zapište je raději do postranních souborů XMP
embed-tiff-too-large = soubor TIFF by přesáhl 4 GB
error-csv-not-written = CSV se nepodařilo zapsat: { $reason }
error-nothing-to-export = v sadě „{ $set }“ nejsou žádné fotografie k exportu
error-not-utf8 = { $file } není text v UTF-8
error-not-csl-json = { $file } není CSL-JSON: { $reason }
error-no-catalogue-at = v { $file } není žádný katalog
error-backup-newer = { $file } zapsala novější verze Kartoteky (verze schématu { $found }; tato verze zná nejvýše { $known })
error-backup-damaged = { $file } neprošel kontrolou celistvosti ({ $problems })
error-backup-in-use = { $file } je právě otevřený katalog; záloha se obnovuje do nového souboru, nikdy přes něj
error-unreadable = { $file } nelze přečíst: { $reason }
error-backup-cancelled = zálohování bylo zrušeno; nic se nezapsalo
file-kind-folder = složka
file-kind-fifo = pojmenovaná roura (FIFO)
file-kind-char-device = znakové zařízení
file-kind-block-device = blokové zařízení
file-kind-socket = socket
file-kind-other = jiný než obyčejný soubor

## Co import v souboru našel chybného, aniž by ho zastavilo (upozornění v inspektoru)
warning-metadata-past-budget = metadata nad { $limit } se z tohoto souboru nečetla
warning-png-text-past-budget = komprimovaný text PNG nad { $limit } se z tohoto souboru nečetl
warning-exif-partly-damaged = EXIF je zčásti poškozený; přečetlo se, co šlo: { $detail }
warning-exif-unreadable = EXIF nelze přečíst: { $detail }
warning-xmp-unreadable = { $packet ->
    [extended] rozšířené XMP nelze přečíst: { $problem }
    [sidecar] postranní soubor { $file } nelze přečíst: { $problem }
   *[embedded] XMP nelze přečíst: { $problem }
}
warning-xmp-refused = { $packet ->
    [extended] rozšířené XMP: { $problem }
    [sidecar] postranní soubor { $file }: { $problem }
   *[embedded] { $problem }
}
xmp-no-xml = paket XMP neobsahuje žádné XML
xmp-not-well-formed = XMP není správně utvořené XML (bajt { $at }): { $detail }
xmp-bad-attribute = chybný atribut XML: { $detail }
xmp-unknown-entity = XMP používá neznámou entitu &{ $entity };
xmp-bad-character-reference = XMP obsahuje chybný odkaz na znak: { $reference }
xmp-unclosed = XMP končí dřív, než se uzavřou všechny jeho prvky
xmp-too-many-closing-tags = XMP má víc uzavíracích značek než otevíracích
xmp-too-deep = XMP je vnořené hlouběji než do { $limit } úrovní; nepoužilo se
xmp-too-many-elements = XMP má víc než { $limit } prvků; nepoužilo se
xmp-no-rdf = XMP nemá prvek rdf:RDF
xmp-rewrite = XMP nelze přepsat: { $detail }
warning-iptc-unreadable = IPTC nelze přečíst: { $problem }
iim-header-cut-short = hlavička datové sady IIM je useknutá na bajtu { $at }
iim-bad-extended-length = datová sada IIM { $dataset } má chybnou rozšířenou délku
iim-length-cut-short = datová sada IIM { $dataset } je useknutá
iim-data-cut-short = datová sada IIM { $dataset } udává { $size }, ale blok končí dřív
warning-jpeg-cut-short-in-segment = soubor končí uprostřed segmentu JPEG na bajtu { $at }: je useknutý; metadata před tímto místem se přečetla
warning-jpeg-cut-short-in-image = soubor končí uprostřed obrazových dat (přerušené kopírování?); metadata se přečetla
warning-webp-chunk-unreadable = blok { $block } souboru WebP nelze přečíst: { $detail }
warning-jxl-header-cut-short = hlavička obrazu JPEG XL je useknutá; přečetly se jen rozměry
warning-jxl-box-not-inflated = komprimovaný box JPEG XL s { $block } nelze rozbalit: { $detail }
warning-jxl-exif-box-damaged = box Exif souboru JPEG XL je poškozený
warning-heif-exif-item-damaged = položka Exif souboru HEIF je poškozená
warning-heif-item-unreadable = položku { $block } souboru HEIF nelze přečíst: { $detail }
warning-cr3-exif-unreadable = adresáře EXIF souboru CR3 nelze přečíst
warning-png-chunk-cut-short = blok PNG { $chunk } na bajtu { $at } je useknutý: soubor končí dřív než jeho obrazová data
warning-png-without-end = PNG končí před blokem IEND: je useknutý
warning-png-text-not-inflated = komprimovaný text v textovém bloku PNG „{ $keyword }“ nelze rozbalit: { $detail }
warning-png-profile-not-hex = profil PNG „{ $keyword }“ není platný šestnáctkový zápis
warning-xmp-source-without-key = pramen v XMP bez klíče se vynechal
warning-xmp-source-ignored = pramen „{ $key }“ v XMP se vynechal: { $reason }
warning-xmp-too-many-claims = XMP obsahuje { $count } tvrzení; načte se jen { $limit ->
    [one] první { $limit }
    [few] první { $limit }
   *[other] prvních { $limit }
}
warning-xmp-claim-not-descriptive = tvrzení v XMP o „{ $name }“ se vynechalo: není to popisné pole
warning-xmp-claim-without-value = tvrzení v XMP k poli { $field } bez hodnoty se vynechalo
warning-xmp-claim-ignored = tvrzení v XMP se vynechalo: { $reason }
warning-xmp-claim-unknown-source = tvrzení v XMP k poli { $field } cituje pramen „{ $key }“, který paket nepopisuje; ponechalo se bez pramene
warning-xmp-claim-part-too-long = tvrzení v XMP k poli { $field } se vynechalo: jeho lokátor nebo poznámka je delší než { $limit }
warning-more-xmp-claims-ignored = další vynechaná tvrzení nebo prameny v XMP: { $count }
warning-depicted-date-ignored = datum zobrazeného děje v { $block } se vynechalo: „{ $value }“ není datum (pište RRRR, RRRR-MM nebo RRRR-MM-DD)
warning-field-cut = pole { $field } má { $size }, víc než { $limit }, které Kartoteka uchová; bylo zkráceno
warning-keyword-levels-cut = hierarchické klíčové slovo má { $levels } úrovní, víc než { $limit }, které Kartoteka uchová; bylo zkráceno
warning-list-item-cut = položka pole { $field } je delší než { $limit }, které Kartoteka uchová; byla zkrácena
warning-list-cut = pole { $field } obsahuje { $count ->
    [one] { $count } položku
    [few] { $count } položky
   *[other] { $count } položek
}, víc, než se vejde do { $limit }; ponechaných položek: { $kept }
warning-raw-tag-values-cut = hodnoty značek delší než { $limit } byly zkráceny
warning-raw-tags-left-out = značky nad rámec { $limit } se neuchovaly (vynecháno: { $count })
warning-sidecar-not-read = postranní soubor { $file } nelze přečíst: { $detail }
warning-sidecar-not-a-file = postranní soubor { $file } je { $kind }, ne obyčejný soubor; nečetl se
warning-sidecar-too-large = postranní soubor { $file } má { $size }, víc než { $limit }, které Kartoteka přečte
warning-cut-short-before-size = soubor je useknutý ještě před údajem o rozměrech obrazu
warning-no-thumbnail = bez náhledu: { $why }
unsupported-by-decoder = dekodér tento druh obrazu nepodporuje: { $detail }
unsupported-format = { $format } se pro náhledy nedekóduje
unsupported-jpeg-tiff-layout = TIFF s kompresí JPEG v tomto uspořádání se nedekóduje
warning-no-preview = bez náhledu: { $why }
no-preview-structure-damaged = struktura souboru je porušená: { $detail }
no-preview-none-embedded = soubor neobsahuje vložený náhled JPEG
no-preview-not-decoded = vložený náhled JPEG { $width } × { $height } nelze dekódovat: { $detail }
no-preview-heif-too-large = soubory HEIF větší než { $limit } se nedekódují
no-preview-hevc-unavailable = dekódování HEVC není k dispozici: { $detail }
no-preview-hevc-failed = dekódování HEVC selhalo: { $detail }
no-preview-hevc-too-few-pixels = dekodér HEVC vrátil příliš málo pixelů
warning-image-data-cut-short = obrazová data jsou useknutá a nelze je dekódovat; bez náhledu: { $detail }
warning-pixels-damaged = obrazová data jsou poškozená; náhled ukazuje, co se podařilo dekódovat: { $detail }
warning-pixels-cut-short = obrazová data jsou poškozená nebo useknutá; náhled ukazuje řádky 1–{ $rows } z { $height }: { $detail }
