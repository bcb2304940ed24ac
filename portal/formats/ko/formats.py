# Django's Korean formats put the meridiem after the time in dates ("5:00 오후") but before it
# on its own ("오후 7:00"); Korean writes it before, so a meeting reads "오후 5:00 – 오후 7:00".
DATETIME_FORMAT = "Y년 n월 j일 A g:i"
