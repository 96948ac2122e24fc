"""The usual gender of common given names, for "she said" after a man and a woman are named.

A pronoun goes to the latest person named whose gender fits (`speakers._recent`); the
gender is learnt from the text ("…,” she said", a sentence about one person using only
"he"), and where the text has not told it yet, a first name that is almost always one
gender's tells it. The lists hold common given names of English, Spanish, Portuguese,
French, German, Italian, Slavic, Arabic and Indian usage written from general knowledge
(no labelled page was read for them). Names given to both (Jordan, Taylor, Alex, Kim,
Jean, Andrea, Sasha, ...) are in neither list: they tell nothing.
"""

from __future__ import annotations

_FEMALE = """
abigail ada adriana agnes aisha alejandra alexandra alexis alice alicia alina alison
allison alyssa amanda amber amelia amy ana anastasia angela angelica angelina anita ann
anna anne annette annie antonia april ariana ashley audrey barbara beatrice beatriz
becky belinda bernadette beth bethany betsy betty beverly bianca bonnie brenda brianna
bridget brittany brooke camila candace carla carmen carol carolina caroline carolyn
cassandra catherine cathy cecilia celia charlotte chelsea cheryl chloe christina
christine cindy claire clara claudia colleen connie constance courtney crystal cynthia
daisy daniela danielle daphne darlene deborah debra delia denise diana diane dolores
donna doris dorothy edith eileen elaine eleanor elena elisa elisabeth elise eliza
elizabeth ella ellen eloise emilia emily emma erica erika esther eugenia eva evelyn
fatima fiona florence frances francesca gabriela gabrielle gail gemma georgia
geraldine gina giulia gloria grace greta gwen hailey hannah harriet hazel heather heidi
helen helena hillary holly ingrid irene iris isabel isabella isabelle ivana jacqueline
jane janet janice jasmine jennifer jenny jessica jill joan joanna joanne jocelyn
josephine joy joyce judith judy julia julie juliet june karen karin katarzyna kate
katherine kathleen kathryn kathy katie katrina kayla kelsey kimberly kirsten krista
kristen kristin laura lauren leah leila lena lillian lily linda lisa
liz lois lorena lorraine louise lucia lucy luisa lydia madeleine
madison magdalena maggie mallory mara marcia margaret margarita maria mariana marie
marilyn marina marion marisa marjorie marlene martha mary maureen megan melanie melinda
melissa meredith mia michelle mildred miranda miriam molly monica monika nadia nancy
naomi natalia natalie natasha nicole nina nora norma olga olivia paige pamela patricia
paula paulina pauline peggy penelope phyllis pilar priscilla priya rachel rebecca regina
renee rita roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara
sarah savannah shannon sharon sheila shirley simone sofia sonia sophia sophie stacy
stella stephanie susan susanne suzanne svetlana sylvia tamara tammy tanya tatiana teresa
theresa tiffany tina valentina valeria valerie vanessa vera veronica victoria violet
virginia vivian wanda wendy whitney yasmin yolanda yvonne zoe zoey
marta anja anjali sunita pooja priyanka deepika ayesha zainab mariam leyla ines agathe
"""
_MALE = """
aaron abdul abraham adam adrian ahmed alan albert alberto alejandro alexander alfred
ali alvaro amir anders andre andreas andrew andrzej angelo anthony antoine antonio arnold
arthur arturo barry ben benjamin bernard bill billy bob bobby boris brad bradley brandon
brendan brett brian bruce bruno bryan byron calvin carl carlos cesar chad charles
charlie christian christopher clarence clark claude clifford colin craig curtis dale
damian daniel danny darren david dean dennis derek diego dmitry domenico dominic donald
douglas duncan dustin dwight earl eddie edgar eduardo edward edwin elijah emmanuel enrique
eric ernest ernesto esteban ethan eugene evan felipe felix fernando francis francisco
frank franklin fred frederick gabriel gary gavin george gerald gerard gilbert giovanni
giuseppe glenn gordon graham grant greg gregory guillermo gustavo harold harry hector
henry herbert howard hugh hugo ian igor isaac ivan jack jacob jake james jared jason
javier jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jonathan
jorge jose joseph joshua juan julian julio justin karl keith kenneth kevin kurt kyle
lance larry lawrence leo leon leonard leonardo lloyd louis luca lucas luis luke manuel
marcel marco marcus mario mark martin matthew maurice max michael miguel mike mikhail
mitchell mohamed mohammad mohammed muhammad nathan nathaniel neil nicholas nick nikolai
noah norman oliver omar oscar owen pablo patrick paul pedro peter philip phillip pierre
pietro rafael ralph ramon randy raul ray raymond ricardo richard rick ricky robert
roberto roger roland ronald ross roy russell ryan salvatore samuel scott sean sergei
sergio seth shane shawn stanley stefan stephen steve steven stuart ted terrence theodore
thomas timothy todd tom tommy tony travis trevor troy tyler vincent vladimir walter
warren wayne wesley william willie xavier yusuf zachary
nicolas oskar aleksander lars jens sven hans klaus wolfgang jacques olivier philippe
laurent christophe thierry didier matteo lorenzo alessandro francesco rahul amit vikram
arjun anil sanjay ravi rajesh hiroshi kenji takashi hassan hussein khalid tariq
"""
FEMALE = frozenset(_FEMALE.split())
MALE = frozenset(_MALE.split())
# either gender's: "is this word a common first name?" (a person, not a heading or a label)
GIVEN = FEMALE | MALE


def name_gender(name: str) -> str | None:
    """"f" or "m" when the first word of a full name `name` is a given name of one gender,
    else None (one word is a surname or an organisation: it tells nothing)."""
    parts = name.split()
    if len(parts) < 2:
        return None
    first = parts[0].strip(".,").lower()
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    return None
