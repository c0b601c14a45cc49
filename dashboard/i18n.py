"""The interface in English and Japanese: English source strings, with their Japanese translations.

``tr(lang, text, **values)`` gives the text in the language (falling back to English for any
string without a translation) with its ``{placeholders}`` filled in.
"""

from __future__ import annotations

LANGUAGES = ("en", "ja")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}

JA = {
    # Page and filters
    "Skip to the event list": "出来事の一覧へ移動",
    "Filters": "絞り込み",
    "Whole description": "説明の全文",
    "Filters ({n} on)": "絞り込み（{n}件適用中）",
    "Search": "検索",
    "Title, description or actor": "見出し・説明・関係者",
    "Themes": "テーマ",
    "All": "すべて",
    "None": "なし",
    "Years": "年",
    "From": "開始",
    "To": "終了",
    "Key judgement": "主要な判断",
    "Any judgement": "すべての判断",
    "Guided stories": "ガイド付きストーリー",
    "Story: {title}": "ストーリー：{title}",
    "Reset all filters": "絞り込みをすべて解除",
    "{shown} of {total} events": "全{total}件中{shown}件の出来事",
    ", each with its number of events": "（数字はテーマごとの出来事の件数）",
    "No events match these filters.": "条件に合う出来事はありません。",
    "No events match these filters. Try fewer words, a wider range of years, or more themes.": (
        "条件に合う出来事はありません。語を減らすか、年の範囲を広げるか、テーマを増やしてください。"
    ),
    "Clear all filters": "絞り込みをすべて解除",
    "Timeline chart of {title}": "{title}の年表グラフ",
    "timeline chart": "年表グラフ",
    "Use the arrow keys to move between events, Enter to open one, Escape to close it.": (
        "矢印キーで出来事を移動し、Enterで開き、Escapeで閉じます。"
    ),
    # Chart key and keyboard help
    "Each lane is a theme, with its own colour and shape. Filled marks sit in an event's main theme, hollow "
    "marks in its other themes; bars are periods; larger marks are more important events; shaded bands are eras. "
    "Click a mark for details, drag to zoom, double-click to see everything again.": (
        "各段がテーマで、色と形で区別しています。塗りつぶしの印は出来事の主なテーマ、白抜きの印はその他のテーマです。"
        "帯は期間、大きな印ほど重要な出来事、背景の網掛けは時代区分です。印をクリックすると詳細、ドラッグで拡大、"
        "ダブルクリックで全体表示に戻ります。"
    ),
    "Keyboard help": "キーボード操作",
    "Tab to the chart, then Left and Right arrows: previous and next event in the lane.": (
        "Tabキーでグラフへ移動し、左右の矢印キー：同じ段の前後の出来事。"
    ),
    "Up and Down arrows: the nearest event in the lane above or below.": "上下の矢印キー：上または下の段の最も近い出来事。",
    "Home and End: the first and last event in the lane.": "HomeとEnd：段の最初と最後の出来事。",
    "Enter or Space: open the event's details; Escape: close them.": "EnterまたはSpace：詳細を開く。Escape：閉じる。",
    "The list below the chart holds the same events as a table.": "グラフの下の一覧に同じ出来事を表で示しています。",
    "{count} {noun} from {first} to {last}, in {lanes} theme lanes: {names}.": (
        "{first}年から{last}年までの{count}件の出来事。テーマの段は{lanes}つ：{names}。"
    ),
    "The chart is empty: no events match the filters.": "グラフは空です。条件に合う出来事はありません。",
    # Details
    "Close": "閉じる",
    "Actors": "関係者",
    "Supports": "裏付ける判断",
    "Source": "出典",
    "No source given": "出典なし",
    # Events list
    "Events": "出来事の一覧",
    "Choose a row to read the event. Sort by a column with its arrows.": "行を選ぶと出来事の詳細を表示します。見出しで並べ替えできます。",
    "Date": "日付",
    "Title": "見出し",
    "Importance": "重要度",
    "Minor": "小",
    "Notable": "中",
    "Major": "大",
    # Story
    "← Previous": "← 前へ",
    "Next →": "次へ →",
    "Exit story": "ストーリーを終える",
    "Left and Right arrow keys also move through the story.": "左右の矢印キーでもストーリーを進められます。",
    "The list holds the first {limit} of {total} events; narrow the filters to see the rest.": (
        "一覧には全{total}件中の最初の{limit}件を表示しています。残りを見るには絞り込んでください。"
    ),
    "Step {step} of {total}: {title} ({date})": "{total}件中{step}件目：{title}（{date}）",
    # Menus
    "Export": "書き出し",
    "Embed": "埋め込み",
    "Download what you see, with its title, filters and credits:": "表示中の内容を、見出し・絞り込み条件・出典表示付きで保存：",
    "PNG image": "PNG画像",
    "slide, 1920 × 1080": "スライド用 1920×1080",
    "SVG image": "SVG画像",
    "sharp at any size, editable": "拡大しても鮮明・編集可",
    "PDF handout": "PDF配布資料",
    "A4 portrait": "A4縦",
    "Web page": "ウェブページ",
    "interactive, works offline": "操作可能・オフラインで表示",
    "CSV data": "CSVデータ",
    "the events shown, for spreadsheets": "表示中の出来事（表計算用）",
    "JSON dataset": "JSONデータセット",
    "the events shown, with themes and eras": "表示中の出来事とテーマ・時代区分",
    "Paste this code into a course page or blog:": "このコードを授業ページやブログに貼り付けてください：",
    "Preview the embedded view": "埋め込み表示を確認",
    # Upload
    "Open CSV": "CSVを開く",
    " — drop a file here or click to choose": "：ここにファイルをドロップするか、クリックして選択",
    " (.csv or .zip)": "（.csv・.zip）",
    "Open a CSV or zip file": "CSVまたはzipファイルを開く",
    "Download a template": "ひな形をダウンロード",
    "Back to the bundled timeline": "付属の年表に戻る",
    # Footer and exports
    "Sources: ": "出典：",
    "Data licence: ": "データのライセンス：",
    "Made with Alliance Timeline.": "Alliance Timelineで作成。",
    "Data: {title}": "データ：{title}",
    "Licence: {name}": "ライセンス：{name}",
    "Made with Alliance Timeline": "Alliance Timelineで作成",
    "all themes and years": "すべてのテーマと年",
    "Themes: {names}": "テーマ：{names}",
    "none": "なし",
    "Search: “{query}”": "検索：「{query}」",
    "Judgement: {title}": "判断：{title}",
    "Filled mark: main theme · hollow: also listed under · bar: period · larger: more important": (
        "塗りつぶし：主なテーマ・白抜き：その他のテーマ・帯：期間・大きい印：重要"
    ),
    "Text summary: {count} events from {first} to {last}": "文字による概要：{first}〜{last}の{count}件の出来事",
    "Event": "出来事",
    "No events match these filters": "条件に合う出来事はありません",
    "Themes (click to hide):": "テーマ（クリックで非表示）：",
    "Language": "言語",
    "Event {n} of {total} in this lane.": "この段の{total}件中{n}件目。",
    "Details opened:": "詳細を開きました：",
    # Events counted instead of drawn (figures.COUNTED_HOVER, figures.COUNTED_NAME)
    "Counted, not drawn: {count} in {year}. Zoom in or narrow the filters to see them.": (
        "個別に描かずに数えた出来事：{year}年に{count}件。拡大するか絞り込むと表示されます。"
    ),
    "Counted events": "数えた出来事",
    # Marks merged where they would overlap (figures.MERGED_HOVER, figures.MERGED_NOTE)
    "and {count} more here: zoom in to see each": "ほか{count}件：拡大すると個別に表示",
    "Events too close to tell apart at this zoom share one mark, drawn for the most important of them.": (
        "この縮尺で見分けられないほど近い出来事は、最も重要なものの印にまとめています。"
    ),
}


def tr(lang: str, text: str, **values: object) -> str:
    """``text`` in ``lang`` (English where there is no translation), placeholders filled in."""
    template = JA.get(text, text) if lang == "ja" else text
    return template.format(**values) if values else template


def normal_language(value: str | None) -> str:
    """A supported language code, or the default."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
