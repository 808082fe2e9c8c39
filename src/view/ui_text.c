/* ui_text.c: interface words. */
#include "ui_text.h"

#include <stdbool.h>
#include <string.h>

static const char *const FR[UI_COUNT] = {
    "aujourd'hui", "Sources", "Date ou fait contesté", "Non vérifié", "Note", "‹ Précédent", "Suivant ›", "Fermer",
    "Commandes", "Appuyez sur une touche ou touchez pour fermer", "Touchez l'écran pour explorer",
    "Êtes-vous toujours là ?", "Je suis là", "Étape", "Image :",
    "Souris", "Clavier", "Présentation", "Écran tactile", "Rechercher…", "Thèmes", "Aucun événement trouvé",
    "étapes", "Page suivante pour commencer", "Fin",
    "Page précédente : revenir  ·  Origine : recommencer  ·  Échap : explorer",
    "Que présenter ?", "Tous les événements, par date",
    "Haut, Bas : choisir  ·  Entrée ou F5 : commencer  ·  Échap : annuler",
    "en cours : étape", "en cours : titre", "terminée", "Quitter la présentation ?",
    "Q ou Ctrl+Q : quitter  ·  toute autre touche : continuer", "Accueil",
    "Code de sortie", "Code incorrect, réessayez", "Trop d'essais. Réessayez dans",
    "E : le récit complet et ses sources", "E ou Échap : revenir à la carte", "Maintenant", "Ensuite", "Notes",
    "Écoulé", "Pas de notes pour cette étape.",
    "événements", "Zoomer sur ces événements"};
static const char *const EN[UI_COUNT] = {
    "today", "Sources", "Disputed date or fact", "Unverified", "Note", "‹ Previous", "Next ›", "Close",
    "Controls", "Press any key or touch to close", "Touch the screen to explore",
    "Are you still there?", "I'm here", "Step", "Image:",
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
    "events", "Zoom in on these events"};

static int is_fr(const char *lang)
{
    return lang && strncmp(lang, "fr", 2) == 0;
}

const char *ui_text(UiString id, const char *lang)
{
    if (id < 0 || id >= UI_COUNT) return "";
    return is_fr(lang) ? FR[id] : EN[id];
}

static const char *const HELP_FR[] = {
    "Molette, + / -", "zoomer (sous le pointeur)",
    "Glisser, flèches Gauche / Droite", "se déplacer dans le temps (avec élan)",
    "Clic sur une carte, Entrée", "ouvrir le récit complet et ses sources",
    "Clic sur un groupe « +4 »", "la liste de ses événements (Haut, Bas, Entrée)",
    "Tab / Maj+Tab", "passer d'une carte visible à l'autre",
    "/ ou Ctrl+F", "rechercher (sans accents : « hopital »)",
    "Thèmes", "n'afficher que certains thèmes",
    "Origine, double-clic", "revenir à la vue d'ensemble",
    "Échap", "fermer le récit ou l'aide",
    "L", "changer de langue",
    "F5", "présentation (Page suivante / précédente, B : écran noir)",
    "F11", "plein écran",
    "? / F1", "cette aide",
    "Q, Ctrl+Q", "quitter",
    NULL, NULL};
static const char *const HELP_EN[] = {
    "Wheel, + / -", "zoom (about the pointer)",
    "Drag, Left / Right arrows", "move through time (with inertia)",
    "Click a card, Enter", "open the whole story and its sources",
    "Click a \"+4\" group", "the list of its events (Up, Down, Enter)",
    "Tab / Shift+Tab", "move between visible cards",
    "/ or Ctrl+F", "search (accents optional)",
    "Themes", "show only some themes",
    "Home, double-click", "back to the overview",
    "Esc", "close the story or this help",
    "L", "switch language",
    "F5", "presentation (Page Down / Up, B: black screen)",
    "F11", "full screen",
    "? / F1", "this help",
    "Q, Ctrl+Q", "quit",
    NULL, NULL};

static const char *const TOUCH_FR[] = {
    "Glisser un doigt", "se déplacer dans le temps ; lancer pour glisser plus loin",
    "Pincer, écarter", "zoomer autour des doigts",
    "Toucher deux fois", "zoomer à cet endroit",
    "Toucher une carte", "lire le récit complet et ses sources",
    "Toucher un groupe « +4 »", "la liste de ses événements",
    "Thèmes", "n'afficher que certains thèmes",
    "FR / EN", "changer de langue",
    NULL, NULL};
static const char *const TOUCH_EN[] = {
    "Drag one finger", "move through time; flick to glide further",
    "Pinch, spread", "zoom about your fingers",
    "Double tap", "zoom in there",
    "Tap a card", "read the whole story and its sources",
    "Tap a \"+4\" group", "the list of its events",
    "Themes", "show only some themes",
    "FR / EN", "switch language",
    NULL, NULL};

const char *const *ui_help_rows(const char *lang, bool touch)
{
    if (touch) return is_fr(lang) ? TOUCH_FR : TOUCH_EN;
    return is_fr(lang) ? HELP_FR : HELP_EN;
}
