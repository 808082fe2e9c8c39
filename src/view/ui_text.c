/* ui_text.c: the interface's own words, one table per language.
 *
 * French follows French typography: a no-break space (NBSP) before ":" and
 * inside « », a narrow one (NNBSP) before "; ! ?", typographic apostrophes.
 * Russian uses «ёлочки». Khmer needs no spaces between words; the line
 * breaker (textwrap.c, ICU) finds where lines may end. test_ui_text checks
 * that every table is complete. */
#include "ui_text.h"

#include <stddef.h>
#include <string.h>

#define NBSP "\u00A0"
#define NNBSP "\u202F"

static const char *const WORDS_FR[UI_COUNT] = {
    "aujourd’hui", "Sources", "Date ou fait contesté", "Non vérifié", "Note", "‹ Précédent", "Suivant ›", "Fermer",
    "Commandes", "Appuyez sur une touche ou touchez pour fermer", "Touchez l’écran pour explorer",
    "Êtes-vous toujours là" NNBSP "?", "Je suis là", "Étape", "Image" NBSP ":",
    "Souris", "Clavier", "Présentation", "Écran tactile", "Rechercher…", "Thèmes", "Aucun événement trouvé",
    "étapes", "Page suivante pour commencer", "Fin",
    "Page précédente" NBSP ": revenir  ·  Origine" NBSP ": recommencer  ·  Échap" NBSP ": explorer",
    "Que présenter" NNBSP "?", "Tous les événements, par date",
    "Haut, Bas" NBSP ": choisir  ·  Entrée ou F5" NBSP ": commencer  ·  Échap" NBSP ": annuler",
    "en cours" NBSP ": étape", "en cours" NBSP ": titre", "terminée", "Quitter la présentation" NNBSP "?",
    "Q ou Ctrl+Q" NBSP ": quitter  ·  toute autre touche" NBSP ": continuer", "Accueil",
    "Code de sortie", "Code incorrect, réessayez", "Trop d’essais. Réessayez dans",
    "E" NBSP ": le récit complet et ses sources", "E ou Échap" NBSP ": revenir à la carte", "Maintenant", "Ensuite",
    "Notes", "Écoulé", "Pas de notes pour cette étape.",
    "événements", "Zoomer sur ces événements",
    "Mots-clés", "texte en", "Animations réduites (R)" NBSP ":", "oui", "non",
    "résultat", "résultats", "résultats", "Échap, une touche ou un toucher pour fermer",
    "Ctrl+C" NBSP ": copier la référence",
    "Tous les thèmes sont masqués", "Tout afficher",
    "Enregistrer une image de la vue (S)", "Image enregistrée" NBSP ":", "L’image n’a pas pu être enregistrée" NBSP ":",
    "L’image n’a pas pu être enregistrée" NBSP ": aucun dossier où la mettre.",
    "Scannez pour ouvrir cette source sur votre téléphone",
    /* the Open list (issue 11) */
    "Ouvrir une frise", "Récent", "Aucune autre frise dans ce dossier. Vous pouvez aussi déposer un fichier sur la fenêtre.", "Haut, Bas" NBSP ": choisir  ·  Entrée" NBSP ": ouvrir  ·  Échap" NBSP ": annuler"};

static const char *const WORDS_EN[UI_COUNT] = {
    "today", "Sources", "Disputed date or fact", "Unverified", "Note", "‹ Previous", "Next ›", "Close",
    "Controls", "Press any key or touch to close", "Touch the screen to explore",
    "Are you still there?", "I’m here", "Step", "Image:",
    "Mouse", "Keyboard", "Presentation", "Touch screen", "Search…", "Themes", "No event found",
    "steps", "Page Down to begin", "The end",
    "Page Up: go back  ·  Home: start again  ·  Esc: explore",
    "What to present?", "All events in date order",
    "Up, Down: choose  ·  Enter or F5: start  ·  Esc: cancel",
    "in progress: step", "in progress: title", "finished", "Quit the presentation?",
    "Q or Ctrl+Q: quit  ·  any other key: carry on", "Home",
    "Exit code", "Wrong code, try again", "Too many tries. Try again in",
    "E: the whole story and its sources", "E or Esc: back to the card", "Now", "Next", "Notes",
    "Elapsed", "No notes for this step.",
    "events", "Zoom in on these events",
    "Tags", "text in", "Reduced motion (R):", "on", "off",
    "result", "results", "results", "Esc, any key or a touch to close", "Ctrl+C: copy the citation",
    "All themes are hidden", "Show all",
    "Save a picture of this view (S)", "Picture saved:", "The picture could not be saved:",
    "The picture could not be saved: no folder to put it in.",
    "Scan to open this source on your phone",
    /* the Open list (issue 11) */
    "Open a timeline", "Recent", "No other timeline in this folder. You can also drop a file on the window.", "Up, Down: choose  ·  Enter: open  ·  Esc: cancel"};

static const char *const WORDS_RU[UI_COUNT] = {
    "сегодня", "Источники", "Спорная дата или факт", "Не проверено", "Примечание", "‹ Назад", "Далее ›", "Закрыть",
    "Управление", "Нажмите любую клавишу или коснитесь экрана, чтобы закрыть", "Коснитесь экрана, чтобы начать",
    "Вы ещё здесь?", "Я здесь", "Шаг", "Изображение:",
    "Мышь", "Клавиатура", "Презентация", "Сенсорный экран", "Поиск…", "Темы", "Событий не найдено",
    "шагов", "Page Down — начать", "Конец",
    "Page Up: назад  ·  Home: сначала  ·  Esc: обзор",
    "Что показать?", "Все события по порядку",
    "Вверх, вниз: выбрать  ·  Enter или F5: начать  ·  Esc: отмена",
    "идёт: шаг", "идёт: титульный слайд", "завершена", "Выйти из презентации?",
    "Q или Ctrl+Q: выйти  ·  любая другая клавиша: продолжить", "Главная",
    "Код выхода", "Неверный код, попробуйте ещё раз", "Слишком много попыток. Повторите через",
    "E: весь рассказ и источники", "E или Esc: вернуться к карточке", "Сейчас", "Далее", "Заметки",
    "Прошло", "Для этого шага заметок нет.",
    "событий", "Приблизить эти события",
    "Метки", "текст на языке", "Меньше анимации (R):", "вкл.", "выкл.",
    "результат", "результата", "результатов", "Esc, любая клавиша или касание — закрыть",
    "Ctrl+C: скопировать ссылку",
    "Все темы скрыты", "Показать все",
    "Сохранить изображение вида (S)", "Изображение сохранено:", "Не удалось сохранить изображение:",
    "Не удалось сохранить изображение: некуда его поместить.",
    "Отсканируйте, чтобы открыть источник на телефоне",
    /* the Open list (issue 11) */
    "Открыть хронологию", "Недавние", "В этой папке нет других хронологий. Файл можно также перетащить в окно.", "Вверх, вниз: выбрать  ·  Enter: открыть  ·  Esc: отмена"};

static const char *const WORDS_KM[UI_COUNT] = {
    "ថ្ងៃនេះ", "ប្រភព", "កាលបរិច្ឆេទ ឬការពិតដែលមានការជំទាស់", "មិនទាន់ផ្ទៀងផ្ទាត់", "កំណត់សម្គាល់", "‹ មុន",
    "បន្ទាប់ ›", "បិទ",
    "ការបញ្ជា", "ចុចគ្រាប់ចុចណាមួយ ឬប៉ះដើម្បីបិទ", "ប៉ះអេក្រង់ដើម្បីស្វែងរក",
    "តើអ្នកនៅទីនេះទេ?", "ខ្ញុំនៅទីនេះ", "ជំហាន", "រូបភាព៖",
    "កណ្ដុរ", "ក្ដារចុច", "បទបង្ហាញ", "អេក្រង់ប៉ះ", "ស្វែងរក…", "ប្រធានបទ", "រកមិនឃើញព្រឹត្តិការណ៍",
    "ជំហាន", "Page Down ដើម្បីចាប់ផ្ដើម", "ចប់",
    "Page Up៖ ត្រឡប់ក្រោយ  ·  Home៖ ចាប់ផ្ដើមម្ដងទៀត  ·  Esc៖ ស្វែងរក",
    "តើត្រូវបង្ហាញអ្វី?", "ព្រឹត្តិការណ៍ទាំងអស់តាមកាលបរិច្ឆេទ",
    "ឡើង ចុះ៖ ជ្រើសរើស  ·  Enter ឬ F5៖ ចាប់ផ្ដើម  ·  Esc៖ បោះបង់",
    "កំពុងដំណើរការ៖ ជំហាន", "កំពុងដំណើរការ៖ ចំណងជើង", "បានបញ្ចប់", "ចាកចេញពីបទបង្ហាញ?",
    "Q ឬ Ctrl+Q៖ ចាកចេញ  ·  គ្រាប់ចុចផ្សេងទៀត៖ បន្ត", "ទំព័រដើម",
    "លេខកូដចាកចេញ", "លេខកូដខុស សូមព្យាយាមម្ដងទៀត", "ព្យាយាមច្រើនដងពេក។ សូមព្យាយាមម្ដងទៀតក្នុងរយៈពេល",
    "E៖ រឿងទាំងមូល និងប្រភព", "E ឬ Esc៖ ត្រឡប់ទៅកាត", "ឥឡូវនេះ", "បន្ទាប់", "កំណត់ចំណាំ",
    "រយៈពេលកន្លងទៅ", "គ្មានកំណត់ចំណាំសម្រាប់ជំហាននេះទេ។",
    "ព្រឹត្តិការណ៍", "ពង្រីកលើព្រឹត្តិការណ៍ទាំងនេះ",
    "ពាក្យគន្លឹះ", "អត្ថបទជាភាសា", "កាត់បន្ថយចលនា (R)៖", "បើក", "បិទ",
    "លទ្ធផល", "លទ្ធផល", "លទ្ធផល", "Esc គ្រាប់ចុចណាមួយ ឬប៉ះដើម្បីបិទ", "Ctrl+C៖ ចម្លងឯកសារយោង",
    "ប្រធានបទទាំងអស់ត្រូវបានលាក់", "បង្ហាញទាំងអស់",
    "រក្សាទុករូបភាពនៃទិដ្ឋភាពនេះ (S)", "បានរក្សាទុករូបភាព៖", "មិនអាចរក្សាទុករូបភាពបានទេ៖",
    "មិនអាចរក្សាទុករូបភាពបានទេ៖ គ្មានថតសម្រាប់ដាក់វាទេ។",
    "ស្កេនដើម្បីបើកប្រភពនេះនៅលើទូរស័ព្ទរបស់អ្នក",
    /* the Open list (issue 11) */
    "បើកខ្សែពេលវេលា", "ថ្មីៗ", "គ្មានខ្សែពេលវេលាផ្សេងទៀតនៅក្នុងថតនេះទេ។ អ្នកក៏អាចទម្លាក់ឯកសារលើបង្អួចបានដែរ។", "ឡើង ចុះ៖ ជ្រើសរើស  ·  Enter៖ បើក  ·  Esc៖ បោះបង់"};

/* ---- help rows: key (or gesture), what it does; NULL-terminated pairs ------------------ */

static const char *const HELP_FR[] = {
    "Molette, + / -", "zoomer (sous le pointeur)",
    "Glisser, flèches Gauche / Droite", "se déplacer dans le temps (avec élan)",
    "Clic sur une carte, Entrée", "ouvrir le récit complet et ses sources",
    "Clic sur un groupe «" NBSP "+4" NBSP "»", "la liste de ses événements (Haut, Bas, Entrée)",
    "Tab / Maj+Tab", "cartes, groupes, boutons du récit, puis l’en-tête",
    "Entrée, Espace", "activer ce qui a le focus (cadre de couleur)",
    "Page suivante / précédente", "récit ouvert" NBSP ": événement suivant ou précédent",
    "/ ou Ctrl+F", "rechercher (sans accents" NBSP ": «" NBSP "hopital" NBSP "»)",
    "Thèmes", "n’afficher que certains thèmes ou un mot-clé (Haut, Bas, Entrée)",
    "T", "thème clair, sombre ou contrasté",
    "Ctrl" NBSP "+ / Ctrl" NBSP "- / Ctrl" NBSP "0", "texte plus grand, plus petit, normal",
    "R", "animations réduites (oui ou non)",
    "Origine, double-clic", "revenir à la vue d’ensemble",
    "Échap", "fermer le récit ou l’aide",
    "L", "changer de langue",
    "F5", "présentation (Page suivante / précédente, B" NBSP ": écran noir)",
    "F11", "plein écran",
    "? / F1", "cette aide",
    "Ctrl+C", "copier la référence du récit ouvert et ses sources",
    "S", "enregistrer une image de la vue (dossier Images)",
    "Ctrl+O", "ouvrir une autre frise (ou déposer un fichier sur la fenêtre)",
    "Q, Ctrl+Q", "quitter",
    NULL, NULL};

static const char *const HELP_EN[] = {
    "Wheel, + / -", "zoom (about the pointer)",
    "Drag, Left / Right arrows", "move through time (with inertia)",
    "Click a card, Enter", "open the whole story and its sources",
    "Click a “+4” group", "the list of its events (Up, Down, Enter)",
    "Tab / Shift+Tab", "cards, groups, the story’s buttons, then the header",
    "Enter, Space", "use what has the focus (the coloured ring)",
    "Page Down / Page Up", "story open: next or previous event",
    "/ or Ctrl+F", "search (accents optional)",
    "Themes", "show only some themes or one tag (Up, Down, Enter)",
    "T", "light, dark or high-contrast theme",
    "Ctrl + / Ctrl - / Ctrl 0", "larger, smaller or normal text",
    "R", "reduced motion (on or off)",
    "Home, double-click", "back to the overview",
    "Esc", "close the story or this help",
    "L", "switch language",
    "F5", "presentation (Page Down / Up, B: black screen)",
    "F11", "full screen",
    "? / F1", "this help",
    "Ctrl+C", "copy the open story’s citation and its sources",
    "S", "save a picture of the view (Pictures folder)",
    "Ctrl+O", "open another timeline (or drop a file on the window)",
    "Q, Ctrl+Q", "quit",
    NULL, NULL};

static const char *const HELP_RU[] = {
    "Колесо, + / -", "масштаб (под указателем)",
    "Перетаскивание, стрелки влево / вправо", "перемещение во времени (с инерцией)",
    "Щелчок по карточке, Enter", "открыть весь рассказ и источники",
    "Щелчок по группе «+4»", "список её событий (вверх, вниз, Enter)",
    "Tab / Shift+Tab", "карточки, группы, кнопки рассказа, затем заголовок",
    "Enter, пробел", "выбрать то, что в фокусе (цветная рамка)",
    "Page Down / Page Up", "открыт рассказ: следующее или предыдущее событие",
    "/ или Ctrl+F", "поиск (без учёта регистра и ударений)",
    "Темы", "показать только некоторые темы или одну метку (вверх, вниз, Enter)",
    "T", "светлая, тёмная или контрастная тема",
    "Ctrl + / Ctrl - / Ctrl 0", "крупнее, мельче или обычный текст",
    "R", "меньше анимации (вкл. или выкл.)",
    "Home, двойной щелчок", "вернуться к общему виду",
    "Esc", "закрыть рассказ или справку",
    "L", "сменить язык",
    "F5", "презентация (Page Down / Up, B: чёрный экран)",
    "F11", "полный экран",
    "? / F1", "эта справка",
    "Ctrl+C", "скопировать ссылку на открытый рассказ и его источники",
    "S", "сохранить изображение вида (папка «Изображения»)",
    "Ctrl+O", "открыть другую хронологию (или перетащить файл в окно)",
    "Q, Ctrl+Q", "выход",
    NULL, NULL};

static const char *const HELP_KM[] = {
    "កង់កណ្ដុរ, + / -", "ពង្រីក ឬបង្រួម (នៅក្រោមព្រួញ)",
    "អូស, ព្រួញឆ្វេង / ស្ដាំ", "ផ្លាស់ទីតាមពេលវេលា",
    "ចុចលើកាត, Enter", "បើករឿងទាំងមូល និងប្រភព",
    "ចុចលើក្រុម «+4»", "បញ្ជីព្រឹត្តិការណ៍របស់វា (ឡើង ចុះ Enter)",
    "Tab / Shift+Tab", "កាត ក្រុម ប៊ូតុងរឿង បន្ទាប់មកក្បាលទំព័រ",
    "Enter, ដកឃ្លា", "ប្រើអ្វីដែលមានការផ្ដោត (ស៊ុមពណ៌)",
    "Page Down / Page Up", "ពេលបើករឿង៖ ព្រឹត្តិការណ៍បន្ទាប់ ឬមុន",
    "/ ឬ Ctrl+F", "ស្វែងរក",
    "ប្រធានបទ", "បង្ហាញតែប្រធានបទមួយចំនួន ឬពាក្យគន្លឹះមួយ (ឡើង ចុះ Enter)",
    "T", "រចនាប័ទ្មភ្លឺ ងងឹត ឬកម្រិតពណ៌ខ្ពស់",
    "Ctrl + / Ctrl - / Ctrl 0", "អក្សរធំជាង តូចជាង ឬធម្មតា",
    "R", "កាត់បន្ថយចលនា (បើក ឬបិទ)",
    "Home, ចុចពីរដង", "ត្រឡប់ទៅទិដ្ឋភាពទាំងមូល",
    "Esc", "បិទរឿង ឬជំនួយនេះ",
    "L", "ប្ដូរភាសា",
    "F5", "បទបង្ហាញ (Page Down / Up, B៖ អេក្រង់ខ្មៅ)",
    "F11", "អេក្រង់ពេញ",
    "? / F1", "ជំនួយនេះ",
    "Ctrl+C", "ចម្លងឯកសារយោងនៃរឿងដែលបើក និងប្រភព",
    "S", "រក្សាទុករូបភាពនៃទិដ្ឋភាព (ថតរូបភាព)",
    "Ctrl+O", "បើកខ្សែពេលវេលាផ្សេងទៀត (ឬទម្លាក់ឯកសារលើបង្អួច)",
    "Q, Ctrl+Q", "ចាកចេញ",
    NULL, NULL};

static const char *const TOUCH_FR[] = {
    "Glisser un doigt", "se déplacer dans le temps" NNBSP "; lancer pour glisser plus loin",
    "Pincer, écarter", "zoomer autour des doigts",
    "Toucher deux fois", "zoomer à cet endroit",
    "Toucher une carte", "lire le récit complet et ses sources",
    "Toucher un groupe «" NBSP "+4" NBSP "»", "la liste de ses événements",
    "Thèmes", "n’afficher que certains thèmes",
    "Langues", "changer de langue",
    NULL, NULL};

static const char *const TOUCH_EN[] = {
    "Drag one finger", "move through time; flick to glide further",
    "Pinch, spread", "zoom about your fingers",
    "Double tap", "zoom in there",
    "Tap a card", "read the whole story and its sources",
    "Tap a “+4” group", "the list of its events",
    "Themes", "show only some themes",
    "Languages", "switch language",
    NULL, NULL};

static const char *const TOUCH_RU[] = {
    "Проведите пальцем", "перемещение во времени; смахните, чтобы пролистать дальше",
    "Сведите или разведите пальцы", "масштаб вокруг пальцев",
    "Двойное касание", "приблизить это место",
    "Коснитесь карточки", "прочитать весь рассказ и источники",
    "Коснитесь группы «+4»", "список её событий",
    "Темы", "показать только некоторые темы",
    "Языки", "сменить язык",
    NULL, NULL};

static const char *const TOUCH_KM[] = {
    "អូសម្រាមដៃមួយ", "ផ្លាស់ទីតាមពេលវេលា",
    "ច្បិច ឬពង្រីកម្រាមដៃ", "ពង្រីក ឬបង្រួមជុំវិញម្រាមដៃ",
    "ប៉ះពីរដង", "ពង្រីកនៅទីនោះ",
    "ប៉ះកាត", "អានរឿងទាំងមូល និងប្រភព",
    "ប៉ះក្រុម «+4»", "បញ្ជីព្រឹត្តិការណ៍របស់វា",
    "ប្រធានបទ", "បង្ហាញតែប្រធានបទមួយចំនួន",
    "ភាសា", "ប្ដូរភាសា",
    NULL, NULL};

typedef struct UiLanguage {
    const char *code;
    const char *const *words;
    const char *const *help;
    const char *const *touch;
} UiLanguage;

/* English first: the fallback for a language Frise does not speak. */
static const UiLanguage LANGUAGES[] = {
    {"en", WORDS_EN, HELP_EN, TOUCH_EN},
    {"fr", WORDS_FR, HELP_FR, TOUCH_FR},
    {"ru", WORDS_RU, HELP_RU, TOUCH_RU},
    {"km", WORDS_KM, HELP_KM, TOUCH_KM},
};
enum { LANGUAGE_COUNT = sizeof LANGUAGES / sizeof LANGUAGES[0] };

/* The table for lang ("fr", "fr-CA", "ru"...), English when none fits. */
static const UiLanguage *language_of(const char *lang)
{
    for (int i = 0; lang && i < LANGUAGE_COUNT; i++)
        if (strncmp(lang, LANGUAGES[i].code, 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
            return &LANGUAGES[i];
    return &LANGUAGES[0];
}

const char *ui_text(UiString id, const char *lang)
{
    if (id < 0 || id >= UI_COUNT) return "";
    const char *s = language_of(lang)->words[id];
    return s ? s : LANGUAGES[0].words[id];
}

bool ui_has_text(UiString id, const char *lang)
{
    const char *s = id >= 0 && id < UI_COUNT ? language_of(lang)->words[id] : NULL;
    return s && s[0];
}

const char *const *ui_help_rows(const char *lang, bool touch)
{
    const UiLanguage *l = language_of(lang);
    return touch ? l->touch : l->help;
}

int ui_language_count(void)
{
    return LANGUAGE_COUNT;
}

const char *ui_language_code(int index)
{
    return index >= 0 && index < LANGUAGE_COUNT ? LANGUAGES[index].code : NULL;
}

bool ui_speaks(const char *lang)
{
    return lang && language_of(lang) != &LANGUAGES[0] ? true : lang && strncmp(lang, "en", 2) == 0;
}
