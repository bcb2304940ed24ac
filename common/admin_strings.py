"""Korean for Wagtail admin strings whose own Korean catalogue lacks it.

wagtail-localize 1.14.5 ships Korean for 18 of its ~80 admin strings (the translation editor,
"Sync translated pages", the page menus, its messages), and Wagtail leaves "just now" without
Korean. The portal's catalogue (``LOCALE_PATHS``) wins over the apps' own for the same
msgid, so their Korean lives in ``locale/ko/LC_MESSAGES/django.po``; marking the msgids here
keeps ``makemessages`` from making them obsolete, since no code of ours uses them. Nothing
imports this module. The editor's React strings are in ``djangojs.po`` beside it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_LOCALIZE = (
    gettext_noop("Dummy translator"),
    gettext_noop("Sync translated %(model_name)s"),
    gettext_noop("Start Synced translation"),
    gettext_noop(
        "The {model_name} '{object}' was successfully submitted for translation into "
        "{locales}"),
    gettext_noop("Up to date"),
    gettext_noop("Waiting for translations"),
    gettext_noop("Manual"),
    gettext_noop("Machine"),
    gettext_noop("Translated with {tool_name} on {date}"),
    gettext_noop("Translated manually on {date}"),
    gettext_noop("Machine translated on {date}"),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content "
        "authored in the selected locale will be automatically copied to this one."),
    gettext_noop(
        "<{}> tag is not allowed. Strings can only contain standard HTML inline tags (such as"
        " <b>, <a>)"),
    gettext_noop("Strings cannot have any HTML tags with attributes (except for 'id' in <a> tags)"),
    gettext_noop("Unrecognised id found in an <a> tag: {}"),
    gettext_noop("Convert to alias %(title)s"),
    gettext_noop("Convert to alias"),
    gettext_noop(
        "Are you sure you want to convert this page into an alias? This will overwrite the "
        "content of the page with the content of '%(source_page_title)s' "
        "(%(source_page_locale)s)"),
    gettext_noop("No, leave it as a page"),
    gettext_noop(
        "This page hasn't been translated yet. It is mirroring the <a "
        'href="%(edit_original_page_url)s" target="_blank">%(original_locale)s page</a>.'),
    gettext_noop("Translate this page"),
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Translations"),
    gettext_noop("Source"),
    gettext_noop("Target"),
    gettext_noop("No translations found."),
    gettext_noop("Why would I sync my page?"),
    gettext_noop(
        "Changes are not automatically applied between translated pages. Syncing will add new"
        " content for translation and remove deleted content."),
    gettext_noop("The last sync date was %(last_sync_date)s. You are about to sync the following:"),
    gettext_noop("Page '{}' has been converted into an alias."),
    gettext_noop(
        "New validation errors were found when publishing '{object}' in {locale}. Please fix "
        "them or click publish again to ignore these translations for now."),
    gettext_noop("Published '{object}' in {locale} with missing translations - see below."),
    gettext_noop("Published '{object}' in {locale}."),
    gettext_noop(
        "The data model for '{model_name}' has been changed since the last translation sync. "
        "If any new fields have been added recently, these may not be visible until the next "
        "translation sync."),
    gettext_noop("Translation has been stopped."),
    gettext_noop("Translation has been restarted."),
    gettext_noop("Please upload a valid PO file."),
    gettext_noop("Cannot import PO file that was created for a different translation."),
    gettext_noop("Successfully imported translations from PO File."),
    gettext_noop("Successfully translated with {}."),
    gettext_noop("There isn't anything left to translate."),
    gettext_noop("Source title"),
    gettext_noop(
        "The page '{page_title}' was successfully submitted for translation into {locales}"),
    gettext_noop("Publish immediately"),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        'language until translated unless you also select "Use machine translation".'),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."),
    gettext_noop("Update existing translations"),
    gettext_noop("Successfully updated translations for '{object}'"),
    gettext_noop("Sync translated pages"),
    gettext_noop("Sync translated snippets"),
    gettext_noop("Sync translations of '%(title)s'"),
    gettext_noop("Convert to alias page"),
    gettext_noop("Convert page to alias"),
    gettext_noop(
        "Converted page '%(title)s' to an alias of the translation source page "
        "'%(source_title)s'"),
    gettext_noop("Converted page to an alias of the translation source page"),
    ngettext_lazy("Include subtree ({} page)", "Include subtree ({} pages)"),
)

# wagtailadmin_tags.timesince_simple: "Just now" in listings and the translation editor
WAGTAIL_ADMIN = (gettext_noop("just now"),)
