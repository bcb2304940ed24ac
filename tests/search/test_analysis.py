from search.analysis import terms, tokens
from search.glossary import Glossary


def test_korean_compounds_split_and_particles_dropped():
    assert terms("스마트주차") == terms("스마트 주차") == ["스마트", "주차"]
    assert terms("주차장에서") == ["주차장"]
    assert terms("데이터허브를 운영합니다") == ["데이터", "허브", "운영"]


def test_english_words_are_stemmed_and_stop_words_dropped():
    assert terms("sensors") == terms("sensor") == ["sensor"]
    assert terms("the air quality of the city") == terms("air qualities city")


def test_numbers_and_latin_names_are_kept_in_korean_text():
    assert terms("대구의 IoT 센서 2024년") == ["대구", "iot", "센서", "2024"]
    assert terms("PM2.5") == ["pm", "2.5"]


def test_tokens_know_where_each_word_stands():
    [parking] = tokens("공영 주차장에서")[1:]
    assert (parking.term, parking.start, parking.end) == ("주차장", 3, 6)


def test_bad_input_gives_no_terms_and_no_error():
    assert terms("") == terms("!!! ... ???") == []
    assert terms("을 를 의") == []  # particles only
    assert len(terms("가로등 streetlight " * 1000)) == 2000


def test_glossary_loops_neither_hang_nor_multiply():
    glossary = Glossary()
    glossary.add("1", ["가로등", "street light"])  # each names the other
    glossary.add("2", ["street light", "가로등"])
    assert glossary.mentioned(terms("스마트 가로등 and street lights")) == {"1", "2"}
    assert glossary.covering(terms("street light")) == [{"1", "2"}, {"1", "2"}]


def test_a_query_ending_inside_a_longer_label_is_covered_by_the_shorter_one_only():
    glossary = Glossary()
    glossary.add("1", ["park"])
    glossary.add("2", ["park ride"])
    assert glossary.covering(["park"]) == [{"1"}]
    assert glossary.covering(["park", "ride"]) == [{"1", "2"}, {"2"}]
