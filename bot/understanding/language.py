"""Messages that are clearly not in English: which language, from a few common words each.

The bot understands English only; a message in Spanish, German, French, Italian, Dutch, Polish
or Portuguese gets a short answer saying so in that language, instead of the English "not sure".
A message counts as one of them when more of its words are that language's common words than
are English words. A word that is among the commonest English words ("a", "i", "me", "come") never
counts for another language, so "me and my dog went for a run" stays English.

A greeting, thanks or goodbye said alone ("gracias", "merci beaucoup") is one word or two:
`social_word` reads those from short lists of each language's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.understanding.text import english_ranks

#: words of normalised text (lower case, accents folded) that mark each language: function
#: words, and the words people use when they ask about stretching and aches
LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        """el la los las lo que del y en por para con sin mis te se su sus es son esta estoy
        tengo tiene muy mas pero como cuando donde porque hola gracias duele duelen dolor
        estirar estirarme estiramiento estiramientos ejercicio ejercicios pierna piernas
        espalda cuello hombro hombros musculo musculos despues antes correr rutina puedo
        hacer cual necesito gemelos isquiotibiales cadera rodilla cuales ayudan ayuda tensos
        tensas tenso tensa contra mucho siempre manana noche tambien hay algun alguna quiero
        deberia estiro eres un una usted tu quien estas buenos buenas dias tardes noches
        puedes sabes hablas""".split()
    ),
    "de": frozenset(
        """der die das den dem des und ist ich mein meine meinen meiner mich mir nicht wie was
        warum wo wann kann konnen koennen habe hat sehr auch aber nach vor beim zum zur ein
        eine einen dehnen dehne dehnung dehnungen ubungen uebungen rucken ruecken nacken
        schulter schultern bein beine waden oberschenkel muskel muskeln schmerzen tut weh
        laufen hallo danke bitte hufte huefte knie welche welcher welches helfen hilft bei
        verspannt verspannte verspannten verspannung verspannungen gegen fur fuer mit auf von
        zu sind haben oft immer morgens abends sollte soll dehnubungen dehnuebungen dehnubung
        uebung ubung wade bist du wer kannst sprichst guten tag""".split()
    ),
    "fr": frozenset(
        """le les des du et est je mon ma mes moi pas comment pourquoi quand ou qui avec pour
        dans sur tres mais apres avant une bonjour merci etirer etirement etirements dos cou
        epaule epaules jambe jambes mollets muscle muscles douleur mal courir seance
        ischio jambiers hanche genou quels quelles quel quelle aident aide contre tendus tendu
        tendue souvent toujours matin soir aussi faire dois devrais veux ai au aux vous avez
        avoir suis cest ca etre quoi faut nous sont leur peux ne de un regarder telephone
        etirer etire etirez exercices raide raides courbatures es tu salut parles sais""".split()
    ),
    "it": frozenset(
        """il lo gli della che per con non perche quando dove mio mia miei mie ho sono molto
        dopo prima una ciao grazie allungare allungamento allungamenti schiena collo spalla
        spalle gamba gambe polpacci muscolo muscoli dolore male correre posso fianco
        ginocchio di la le li come allungo allungarli allungarlo partita calcetto duri
        durissimi rigidi rigido mi fa fanno ci si un al alla nel nella sempre ogni dei delle
        qualche esercizi esercizio cosa fare devo sei chi tu puoi parli buongiorno""".split()
    ),
    "nl": frozenset(
        """het een en ik mijn mij niet hoe wat waarom waar wanneer kan kun kunnen heb heeft
        erg ook maar na voor bij rekken rek rekt rekoefening rekoefeningen oefening oefeningen
        rug nek schouder schouders been benen kuit kuiten dijbeen spier spieren pijn doet
        hardlopen hallo dank bedankt alsjeblieft heup knie welke helpen helpt tegen met op
        van te zijn hebben vaak altijd ochtends avonds moet zou stijf stijve strak strakke
        zeer elke dag goed slecht""".split()
    ),
    "pl": frozenset(
        """jak co czy nie sie mnie mam moje moja moj mojej bardzo po przed rozciagac rozciagnac
        rozciaganie cwiczenia cwiczenie plecy kark szyja ramie ramiona noga nogi lydki lydka
        miesnie miesien bol boli bola bieganiu biegu biegania dzien dobry dziekuje prosze
        biodro kolano jakie ktore pomoga pomaga sa jest dlaczego kiedy gdzie zrobic moge
        powinienem powinnam zawsze rano wieczorem""".split()
    ),
    "pt": frozenset(
        """os da dos das em na com para por nao como porque quando onde meu minha meus minhas
        eu tenho tem muito mas depois antes um uma ola obrigado obrigada alongar alongamento
        alongamentos costas pescoco ombro ombros perna pernas panturrilha musculo musculos
        dor doi correr posso quadril joelho quanto tempo devo segurar cada alongo fazer
        preciso ajuda voce quem bom dia pode fala oi""".split()
    ),
}
#: greetings, thanks and goodbyes of each language (normalised), which a message of one or
#: two words says on its own: "hola", "merci beaucoup", "tschuss"
SOCIAL_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "es": {
        "greeting": frozenset("hola buenas buenos dias tardes noches".split()),
        "thanks": frozenset("gracias muchas mil".split()),
        "goodbye": frozenset("adios chao hasta luego pronto manana".split()),
    },
    "de": {
        "greeting": frozenset("servus moin guten tag morgen abend gruss gott".split()),
        "thanks": frozenset("danke dankeschon dankeschoen schon sehr vielen dank".split()),
        "goodbye": frozenset("tschuss tschuess tschau wiedersehen auf bis bald".split()),
    },
    "fr": {
        "greeting": frozenset("bonjour salut bonsoir coucou".split()),
        "thanks": frozenset("merci beaucoup mille".split()),
        "goodbye": frozenset("au revoir bonne nuit journee soiree a plus tard".split()),
    },
    "it": {
        "greeting": frozenset("buongiorno buonasera salve".split()),
        "thanks": frozenset("grazie mille tante".split()),
        "goodbye": frozenset("arrivederci buonanotte presto dopo".split()),
    },
    "pt": {
        "greeting": frozenset("ola oi bom dia boa tarde noite".split()),
        "thanks": frozenset("obrigado obrigada muito valeu".split()),
        "goodbye": frozenset("tchau adeus ate logo breve".split()),
    },
    "nl": {
        "greeting": frozenset("hoi goedemorgen goedemiddag goedenavond dag".split()),
        "thanks": frozenset("dank bedankt je wel dankjewel".split()),
        "goodbye": frozenset("doei tot ziens later straks".split()),
    },
    "pl": {
        "greeting": frozenset("czesc dzien dobry witam".split()),
        "thanks": frozenset("dziekuje dzieki bardzo".split()),
        "goodbye": frozenset("do widzenia zobaczenia pa".split()),
    },
}
#: the most words a greeting, thanks or goodbye said alone has
_SOCIAL_MAX_WORDS = 3
#: the commonest English words never count for another language
_COMMON_ENGLISH = 500
#: a word this common in English counts as English
_ENGLISH = 20_000


#: word -> the languages it marks
_MARKS: dict[str, tuple[str, ...]] = {}
for _code, _vocabulary in LANGUAGE_WORDS.items():
    for _word in _vocabulary:
        _MARKS[_word] = (*_MARKS.get(_word, ()), _code)


def language_of(words: Sequence[str]) -> str | None:
    """The language code of a message that is clearly not English, or None."""
    ranks = english_ranks()
    marks = _MARKS
    english = 0
    hits: dict[str, int] = {}
    for word in words:
        rank = ranks.get(word)
        codes = marks.get(word) if rank is None or rank >= _COMMON_ENGLISH else None
        if codes:
            for code in codes:
                hits[code] = hits.get(code, 0) + 1
        elif rank is not None and rank < _ENGLISH:
            english += 1
    if not hits:
        return None
    code, best = max(hits.items(), key=lambda item: item[1])
    return code if best >= 2 and best > english else None


def social_word(words: Sequence[str]) -> tuple[str, str] | None:
    """(language code, small-talk key) of a short greeting, thanks or goodbye in another
    language ("gracias", "merci beaucoup", "hola"), or None. Its words must all be that
    language's words for it, and one of them no English word ("tot" or "pa" alone is no
    Dutch or Polish)."""
    if not words or len(words) > _SOCIAL_MAX_WORDS:
        return None
    ranks = english_ranks()
    for code, keys in SOCIAL_WORDS.items():
        for key, vocabulary in keys.items():
            if all(w in vocabulary for w in words) and any(w not in ranks for w in words):
                return code, key
    return None
