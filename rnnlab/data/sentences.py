"""Short sentiment sentences, English and Korean: 1 positive, 0 negative.

The Korean set was written for this project in the spirit of the English one: pairs that differ by
one word, and negation ("...지 않아") that flips the meaning, so order and context matter.
"""
ENGLISH = [
    ("i am happy", 1), ("you are happy", 1), ("feel good", 1), ("you feel good", 1),
    ("i am not sad", 1), ("you feel not bad", 1), ("i am sad", 0), ("you are sad", 0),
    ("feel bad", 0), ("you feel bad", 0), ("you are not happy", 0), ("i feel not good", 0),
]

KOREAN = [
    ("나는 행복해", 1), ("나는 슬퍼", 0), ("너는 행복해", 1), ("너는 슬퍼", 0),
    ("기분이 좋아", 1), ("기분이 나빠", 0), ("너는 기분이 좋아", 1), ("너는 기분이 나빠", 0),
    ("나는 슬프지 않아", 1), ("나는 행복하지 않아", 0), ("너는 나쁘지 않아", 1), ("너는 좋지 않아", 0),
    ("오늘 정말 즐거워", 1), ("오늘 정말 우울해", 0), ("이 영화 재미있어", 1), ("이 영화 지루해", 0),
    ("음식이 맛있어", 1), ("음식이 맛없어", 0), ("날씨가 좋아", 1), ("날씨가 나빠", 0),
    ("나는 네가 좋아", 1), ("나는 네가 싫어", 0), ("정말 고마워", 1), ("정말 화가 나", 0),
    ("기분이 나쁘지 않아", 1), ("기분이 좋지 않아", 0), ("이 노래 최고야", 1), ("이 노래 최악이야", 0),
    ("너무 신나", 1), ("너무 피곤해", 0), ("마음이 편해", 1), ("마음이 불편해", 0),
    ("이 책 재미있어", 1), ("이 책 재미없어", 0), ("오늘 운이 좋아", 1), ("오늘 운이 나빠", 0),
    ("친구가 좋아", 1), ("친구가 싫어", 0), ("전혀 슬프지 않아", 1), ("전혀 즐겁지 않아", 0),
    ("수업이 재미있어", 1), ("수업이 지루해", 0), ("너를 만나서 기뻐", 1), ("너를 만나서 슬퍼", 0),
    ("이 영화 지루하지 않아", 1), ("이 영화 재미있지 않아", 0), ("정말 멋져", 1), ("정말 실망이야", 0),
]
LABELS = ["negative", "positive"]
