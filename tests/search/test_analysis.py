from search.analysis import hangul_bigrams


def test_compound_with_and_without_spaces_gives_the_same_bigrams():
    assert hangul_bigrams("데이터 허브") == hangul_bigrams("데이터허브") == "데이 이터 터허 허브"
    assert hangul_bigrams("스마트 가로등") == hangul_bigrams("스마트가로등")


def test_latin_text_is_left_to_the_standard_analyzer():
    assert hangul_bigrams("Daegu data hub") == ""
    assert hangul_bigrams("Daegu 데이터 hub 허브") == "데이 이터 허브"


def test_single_syllable_words_are_kept():
    assert hangul_bigrams("숲") == "숲"
