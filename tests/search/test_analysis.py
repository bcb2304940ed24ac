from search.analysis import hangul_bigrams
from search.documents import language_subfields


def test_compound_with_and_without_spaces_gives_the_same_bigrams():
    assert hangul_bigrams("데이터 허브") == hangul_bigrams("데이터허브") == "데이 이터 터허 허브"
    assert hangul_bigrams("스마트 가로등") == hangul_bigrams("스마트가로등")


def test_latin_text_is_left_to_the_standard_analyzer():
    assert hangul_bigrams("Daegu data hub") == ""
    assert hangul_bigrams("Daegu 데이터 hub 허브") == "데이 이터 허브"


def test_single_syllable_words_are_kept():
    assert hangul_bigrams("숲") == "숲"


def test_language_subfields_use_what_the_cluster_has():
    assert language_subfields(set()) == {}  # the minimal distribution: bigrams only
    common = language_subfields({"analysis-common"})["title"]["fields"]
    assert common == {"english": {"type": "text", "analyzer": "english"},
                      "korean": {"type": "text", "analyzer": "cjk"}}
    nori = language_subfields({"analysis-common", "analysis-nori"})["body"]["fields"]
    assert nori["korean"] == {"type": "text", "analyzer": "nori"}
