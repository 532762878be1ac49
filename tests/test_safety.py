"""Safety: symptoms as concepts, read in context, triaged by level; conditions that change the
advice instead of blocking it.

The messages here are the issue's own probes and hand-written variations; the figures on sets
nobody here wrote are in tests/data/blind (see tests/test_evaluation.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from bot.brain import Brain
from bot.kb import KBError, KnowledgeBase, load_kb
from bot.render import render_text
from bot.reply import Context, Reply
from tests.conftest import converse


def level_of(brain: Brain, reply: Reply) -> str:
    if reply.kind != "red_flag":
        return "none"
    return brain.kb.red_flags[reply.intent.split(".", 1)[1]].level


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("my legs are numb and my back hurts", "emergency"),
        ("numbness in my inner thighs", "emergency"),
        ("i cant control my bladder since my back went", "emergency"),
        ("sudden severe headache and neck pain", "emergency"),
        ("i cant breathe properly", "emergency"),
        ("chest feels squeezed when i walk uphill, im 58", "urgent"),
        ("my heart flutters when i run hard", "urgent"),
        ("and since yesterday i cant really feel my bum on the toilet seat", "emergency"),
        ("lately I get really out of breath doing lengths I used to find easy", "see_professional"),
        ("i had an accident, couldnt tell i needed to go, and my low back aches", "emergency"),
        ("double jointed and my shoulder has popped out twice", "see_professional"),
        ("i fainted while stretching", "emergency"),
        ("crushing pain in my chest and my left arm feels heavy", "emergency"),
        ("my neck hurts after a car crash", "emergency"),
        ("my pee looks like cola after that brutal spin class", "emergency"),
        ("sudden tearing pain between my shoulder blades", "emergency"),
        ("my hip is hot and swollen", "urgent"),
        ("my calf is tight and swollen", "urgent"),
        ("i sometimes get chest pain when i run", "urgent"),
        ("my foot keeps slapping the ground when i walk", "urgent"),
        ("back pain with a fever and chills", "urgent"),
        ("i fell off my bike yesterday and my wrist still hurts", "urgent"),
        ("heard a pop in my calf playing squash and cant put weight on it", "urgent"),
        ("heard a pop doing squats yesterday and now i cant walk on it", "urgent"),
        ("fell down the stairs and i cant put weight on my ankle", "urgent"),
        ("did a deep hamstring stretch 4 days ago and it still hurts", "see_professional"),
        # leg pain that comes with walking and goes with rest (claudication)
        (
            "my calves cramp up after walking about 200 metres and ease off when i stop",
            "see_professional",
        ),
        (
            "my legs ache when i walk to the shops and i have to stop for a minute",
            "see_professional",
        ),
        # pain that keeps someone from sleeping: in a joint, for a GP or physiotherapist; in
        # the back or neck, the same day (NHS: Back pain)
        (
            "dull ache in my shoulder, goes sharp reaching up and it hasnt let me sleep properly for a week",
            "see_professional",
        ),
        ("my hip throbs every night and wakes me up, been like that for weeks", "see_professional"),
        ("lower back pain wakes me up every night now", "urgent"),
        # a neck manipulated, then the room tilting and vomiting (a torn neck artery)
        (
            "the chiro cracked my neck and now the walls look tilted and i keep throwing up",
            "emergency",
        ),
        # a limb that looks bent after a fall; a long journey then one fatter calf
        (
            "heard a crack when i fell skiing, my lower leg looks kinda bent and i cant stand on it",
            "emergency",
        ),
        ("fell down the whole staircase onto my back, it hurts to move", "emergency"),
        # numbness that is there all the time now and getting worse
        ("my feet are tingly and numb all the time now, worse than last year", "urgent"),
        (
            "been cracking my own neck for years, tonight my hand started waving on its own and ive thrown up",
            "emergency",
        ),
        # winded days after a long journey, chest pain on breathing in (a clot in a lung)
        (
            "16 hrs from bangkok in a window seat, now im winded and its sharp in my chest when i breathe in",
            "emergency",
        ),
        # an older relative who fell and cannot get up
        ("dad fell, says his groin hurts and he can't get up off the floor", "emergency"),
        # a purple rash that does not fade, with a fever
        ("fever and throwing up and now there's a blotchy purple rash on my legs", "emergency"),
        # shingles; pre-eclampsia
        (
            "burning band of pain round one side of my ribs for 3 days and now little blisters",
            "urgent",
        ),
        ("33 weeks pregnant, headache that won't quit and my vision's gone fuzzy", "urgent"),
        # a toddler who will not stand on a leg after a fall
        ("toddler fell off the slide and now won't put any weight on his leg", "urgent"),
        # a child limping with a fever
        ("my 12 year old had a fever for 2 days and now he's limping", "urgent"),
        ("toddler has refused to walk for 4 days, he has a temperature", "urgent"),
        # a face that droops, one whole side numb
        ("my drink dribbled out the side of my mouth and i cant close my right eye", "emergency"),
        ("heard a pop stretching my neck and now my whole left side is numb", "emergency"),
        ("landed badly and my kneecap is sitting off to the side", "emergency"),
        ("pain in one calf only after a 9 hour drive", "urgent"),
        ("my chest went really tight and i couldnt get a proper breath", "emergency"),
        ("i get a pounding headache every time i deadlift", "see_professional"),
        # out of breath at very little effort
        ("i'm out of breath just getting dressed", "see_professional"),
        # light-headed on standing since a new medicine
        ("light headed every time i get up since i started water pills", "see_professional"),
        # "could not" is a stroke sign as "cannot" is
        ("my dad couldn't get his words out at dinner, stretches for his stiff neck?", "emergency"),
        # a shock told with where it came from
        ("got a belt off the consumer unit at work, hand still tingling", "urgent"),
        ("grabbed a live cable by mistake and my chest feels odd", "urgent"),
        # hours in the heat, then dizzy and sick with cramps: heat exhaustion
        ("dizzy and feeling sick with cramps after a day roofing in the heat", "urgent"),
        # confused, sick and a pounding head, whatever the cause
        ("im confused, been sick twice and my head is pounding", "emergency"),
        # an ache that comes on the hills and goes standing still: angina
        ("my left arm aches on steep hills and settles when i stand still", "urgent"),
        # no wee for a day, with back pain: retention
        ("my back aches and i haven't had a wee since yesterday", "emergency"),
        # a leg that looks shorter with its foot turned out, no fall told
        ("her leg looks shorter and her foot is pointing outwards, hip hurts", "emergency"),
        # something getting worse in the months after a stroke
        (
            "since her stroke her hand has curled into a fist and it's getting worse",
            "see_professional",
        ),
        # a sharp pain on breathing in, with breathlessness, felt in the back
        ("sharp pain in my back when i breathe in and i'm short of breath", "urgent"),
        # pregnancy with a bad headache and swollen hands and face: pre-eclampsia
        ("22 weeks pregnant, awful headache and swollen hands and face today", "urgent"),
        # a temperature during chemotherapy; a baby in the womb moving less than usual
        ("i'm on chemo and have had the chills since lunch", "emergency"),
        ("30 weeks pregnant and i haven't felt the baby kick all day", "urgent"),
        # a serious allergic reaction: the airway swelling, or two of its signs, or one right
        # after a sting or a food; a sneeze that makes the back and leg scream
        ("my tongue feels swollen and my throat is closing up", "emergency"),
        ("got stung by a bee on my run and now my face is swelling up", "emergency"),
        ("broke out in hives after lunch and my throat feels tight", "emergency"),
        ("every sneeze makes my lower back and leg scream, any stretches", "see_professional"),
        # a fall at an older age with no pain told: a GP's check; with pain, the same day's;
        # very swollen muscles after a session, no pump said, still an emergency
        ("my nan is 84 and she fell in the garden yesterday", "see_professional"),
        ("my grandad took a tumble on the stairs last night", "see_professional"),
        ("my nan is 84 and she fell in the garden yesterday, her wrist hurts", "urgent"),
        ("my arms are massively swollen after the gym", "emergency"),
        # stiffness for hours that wakes the person and eases with moving, no morning named
        (
            "my lower back pain lasts a couple of hours, wakes me up at night and gets better once"
            " i move",
            "see_professional",
        ),
        # thirst with peeing more or tingling feet: diabetes, a GP's (not squashed nerves)
        ("constantly thirsty and peeing loads, my feet have started tingling", "see_professional"),
        ("im always thirsty and peeing all the time, should i stretch", "see_professional"),
        # a bump a child screams at after a fall: the same day's care
        (
            "my son fell off the climbing frame and theres a bump on his forearm, he screams when i"
            " touch it",
            "urgent",
        ),
        # a stream that will not start with back pain; a jaw ache with sickness and sudden
        # exhaustion (a heart attack with no chest pain)
        ("im in a lot of back pain and now i cant get my pee to start", "emergency"),
        ("my wife has a sore jaw, feels nauseous and suddenly wiped out", "emergency"),
        # a weight on the chest with a cold sweat, put down to a muscle
        (
            "feels like someone is sat on my chest and im clammy, probably a pec strain from"
            " push ups",
            "emergency",
        ),
        # a real faint told more than once beside the faint only feared on standing
        (
            "i feel like im about to pass out when i stand, and i passed out twice yesterday",
            "see_professional",
        ),
        # confused or drowsy with diabetes: a severe hypo
        ("im type 1, got really confused and drowsy after my stretching session", "emergency"),
        # a fall from a tree or a shed roof
        ("hurt my neck, it started after i fell out of a tree yesterday", "emergency"),
        # an ache away from the chest that walking uphill or stairs brings on, with
        # breathlessness: angina's pattern
        ("my right shoulder aches when i walk up hills and i get short of breath", "urgent"),
        ("achy arm when walking fast, and im breathless, no injury", "urgent"),
        # severe tummy pain with vomiting or through to the back, whatever it is blamed on
        (
            "awful pain in my stomach and ive been throwing up all night, pulled an ab doing"
            " crunches?",
            "emergency",
        ),
        ("severe belly pain going through to my back", "emergency"),
        # a shock from the mains or a live wire (a light fitting is no fit)
        ("got electrocuted changing a light fitting, arm still tingly", "urgent"),
        ("shock from a socket this morning, my hand aches", "urgent"),
        # a very high blood pressure reading with a headache
        ("bp was 200/130 this morning and my head is pounding, can i do yoga", "emergency"),
        # confused and sick after drinking a lot of water on a long race
        (
            "ran a marathon yesterday, drank loads of water, now confused and throwing up",
            "emergency",
        ),
        # a replaced hip that pops and will not move
        (
            "new hip in october, bent over and it went clunk, now i cant put weight on it",
            "emergency",
        ),
        # a bruise after stretching too hard; a foot going white after a crush
        ("overstretched my hamstring, huge bruise down the back of my thigh", "see_professional"),
        ("crushed my foot under a pallet and it is going white", "emergency"),
        # pregnancy told by its weeks alone
        ("34 weeks, fluid is leaking", "urgent"),
        # yellow skin or eyes; pain under the right shoulder blade that meals bring on
        ("my eyes have gone yellow and my upper back aches", "urgent"),
        ("pain under my right shoulder blade every time i eat fatty food", "see_professional"),
        # a kicked calf getting tighter and tighter with pain past bearing
        (
            "got kicked in the calf at training, its getting tighter and tighter and the pain is"
            " way too much",
            "emergency",
        ),
        # a back stiff every morning for months that takes an hour to loosen
        (
            "lower back stiff every morning for 6 months, takes an hour to loosen, im 29",
            "see_professional",
        ),
        # nothing felt below the waist after a fall: an emergency, not a fall's pain
        ("took a tumble off my bike, can't feel a thing below my waist", "emergency"),
        # tummy pain that bends one over and keeps getting worse
        ("belly ache so bad i'm doubled over and it keeps getting worse", "emergency"),
        # a heel bone sore to squeeze, a limp growing week by week, a bruise gone hard and
        # growing, a wrist still swollen weeks after a fall
        ("heel bone hurts if i squeeze it, getting worse with my running", "see_professional"),
        ("limping more every week with this hip pain", "see_professional"),
        (
            "corked my thigh at footy three weeks ago, bruise has gone hard and is getting bigger",
            "see_professional",
        ),
        (
            "fell on my wrist skating two weeks ago, still swollen at the base of my thumb",
            "see_professional",
        ),
        # muscles swollen like balloons after a session and hard to bend
        (
            "my thighs swelled up like balloons after crossfit and i can barely bend my knees",
            "emergency",
        ),
        # a squeezing ache in the jaw and an arm, on effort or not
        ("squeezing pain in my jaw and left arm when i climbed the stairs", "emergency"),
        # the sight going funny or double as the room spins, on looking up
        (
            "when i look up at the ceiling my eyes go funny and i feel like i was going to drop",
            "emergency",
        ),
        ("bent my neck back in the bridge and the world spun and went double", "emergency"),
        # a bone told as broken, with a guess
        ("i think my wrist is broken", "urgent"),
        ("pretty sure my toe is broken, its purple", "urgent"),
        # sick after a run with chest pain is no queasy stomach
        ("felt sick after my run and now i have chest pain", "emergency"),
        # "no joke", "not kidding" vouch for what follows; they negate nothing
        ("no joke i think i broke my ankle", "urgent"),
        ("not kidding i think i fractured my wrist", "urgent"),
        # a heart attack with little chest pain: the jaw and a shoulder, sweating and sick
        ("my right shoulder started aching and my jaw hurts too, im sweaty and sick", "emergency"),
        (
            "upper back and jaw started aching an hour ago, sweating buckets and feel sick, stretch for it?",
            "emergency",
        ),
        # an arm gone heavy that will not grip, with the sight changed: a stroke
        ("my arm went heavy and wont grip anything and my vision is blurry", "emergency"),
        # a dent in the muscle or a bruise tracking down it after a strain: a bad tear, even weeks on
        (
            "strained my calf three weeks ago and there's a dent in the muscle where it hurts",
            "see_professional",
        ),
        (
            "tweaked my hammy sprinting and now a huge bruise is spreading down to my knee",
            "see_professional",
        ),
        # a curve in a child's spine, found
        ("my daughter has a curve in her spine", "see_professional"),
        # a lump or a swollen gland in the armpit is no muscle to stretch
        ("lump in my armpit", "see_professional"),
        ("got a swollen gland under my arm, also feels tight", "see_professional"),
        # found by probing every kind of warning sign with plain wordings, no set
        ("i had a seizure after exercise", "emergency"),
        ("i am paralysed from the waist down", "emergency"),
        ("my shoulder is dislocated", "emergency"),
        ("i think i broke my wrist", "urgent"),
        ("should i go to a&e with my back", "urgent"),
        ("my testicle is really painful after the gym", "emergency"),
        ("tearing pain in my back", "urgent"),
        ("my arm is swollen and blue after the gym", "urgent"),
        ("i have a lump in my groin that hurts", "see_professional"),
        ("my back hurts more every time i cough or sneeze", "see_professional"),
        ("pins and needles come and go in my left leg", "see_professional"),
        ("i can barely feel my toes and it keeps coming back", "see_professional"),
        ("shoulder pain for 3 months and it is not getting better", "see_professional"),
        # a bare "tightness" on effort, with no area named, may be the chest
        ("i get a tightness when i run that goes when i stop", "urgent"),
        ("constant pain in my back, nothing helps", "urgent"),
        ("i keep waking up with back pain every night", "urgent"),
        # wordings of a blind set written this round, by concept
        ("need to wear a pad now since my back went out", "emergency"),
        ("my dad is grey and sweaty and holding his chest", "emergency"),
        ("his arm has gone floppy and he cannot find his words", "emergency"),
        ("shoulder popped out at rugby, it looks square", "emergency"),
        ("lower back agony and a 38.9 temp, stretches?", "urgent"),
        ("weird brownish pee after leg day, legs super sore", "emergency"),
        ("his foot has started dropping since his disc went", "urgent"),
        ("chest tightness on my runs, probably stress", "urgent"),
        ("my trousers are falling off me, not dieting, and a new ache in my mid back", "urgent"),
        ("back pain hasn't budged in 2 months of stretching", "see_professional"),
        # a negation stops at punctuation: "not" does not reach past the comma
        (
            "back is bad, feels like im sitting on nothing when im not, numb round my bum",
            "emergency",
        ),
        ("something tore in my back between the shoulder blades and i feel faint", "emergency"),
        ("my toes drag when i walk since my disc went", "urgent"),
        ("i wake up with neck pain every single night", "urgent"),
        ("both my legs keep going weak and i nearly fell today", "emergency"),
        ("my pee is really dark brown after that spin class", "emergency"),
        ("lost about 6kg without trying and my back aches", "urgent"),
        ("knee pain has not changed at all after 4 weeks of stretching", "see_professional"),
        ("out of breath on my runs lately and my chest is sore in the middle", "urgent"),
        # combinations that raise the level
        ("calf went warm and achy after the flight and now it hurts to breathe in", "emergency"),
        ("chest feels like someone is sitting on it and im sweating", "emergency"),
        ("my son has a temperature, a headache and cant get his chin to his chest", "emergency"),
        ("nerve pain shooting down both legs since this morning", "emergency"),
        ("nan slipped in the garden and cant stand, her foot is turned out", "emergency"),
        ("my jaw aches when i walk uphill and goes when i stop", "urgent"),
        ("im 80 and felt a crunch in my back lifting a pan", "urgent"),
        ("banged my wrist and its a bit swollen", "urgent"),
        # and the ones that make it a matter for a GP or physiotherapist, not today
        ("my knee keeps locking after every game, been going on for months", "see_professional"),
        ("im 75 and have fallen twice this month, legs feel weaker", "see_professional"),
        ("chest tightness on my runs for 6 months now, tests were normal", "urgent"),
        ("pins and needles in both hands at night, wakes me up", "see_professional"),
        ("stress fracture in my hip from prednisone, ok to stretch?", "see_professional"),
        ("my calf cramps after walking about 200m and goes when i stop", "see_professional"),
        ("couldn't pass water at all this morning and my back is killing me", "emergency"),
        ("2 weeks of back pain, now bilateral sciatica", "emergency"),
        ("it's gone numb around my bottom and between my legs", "emergency"),
        ("back pain and both legs gone like jelly, keep tripping", "emergency"),
        ("he can't catch his breath even after his inhaler", "emergency"),
        ("took a big hit in rugby and now pins and needles down my arm, neck stiff", "emergency"),
        ("my heart does a fluttery skipping thing when i run", "urgent"),
        ("out of breath on easy runs lately and my ankles are puffy", "urgent"),
        ("came off my bike onto my shoulder, there's a lump on my collarbone", "urgent"),
        ("my calf won't push me up onto my toes any more, back's sore", "urgent"),
        ("my shoulder has come out of its socket three times this year", "see_professional"),
        (
            "shoulder came out of its socket three times in the last year, stretches?",
            "see_professional",
        ),
        (
            "cramp in both calves after walking 200 yards, goes when i stand still for a minute",
            "see_professional",
        ),
        ("finger joints swollen and stiff for an hour every morning", "see_professional"),
        ("diabetic, both feet getting number over the last few months", "see_professional"),
        (
            "my back is stiff for over an hour every morning and eases once im moving",
            "see_professional",
        ),
        (
            "third time now i've gone woozy in a hot barre class, it happened a year ago too",
            "urgent",
        ),
        # chest pain in everyday words, on a run
        ("two miles into my run i got a pain right over my heart, it came back", "urgent"),
        ("tight pain on the left side of my chest when i push the pace, eases if i slow", "urgent"),
        # a bend where there was none, after a fall
        ("came off my bike and my forearm has a weird bend in it now, throbbing", "emergency"),
        # a fever told as "and temperature", light that bothers
        (
            "headache and temperature since camp and now his neck is so stiff and light "
            "bothers him",
            "emergency",
        ),
        ("back pain since yesterday and now i cant move either foot properly", "emergency"),
        # back pain, then pain going down both legs
        (
            "lifted a box, low back pain, next day cramping down the inside of both thighs",
            "emergency",
        ),
        # pain between the shoulder blades: with effort and breathlessness, or heart risks
        (
            "pain between his shoulder blades for days, worse when he walks uphill, breathless",
            "urgent",
        ),
        (
            "dad, 70s, high cholesterol, keeps getting a sharp pain between his shoulder blades",
            "urgent",
        ),
        # a negation reaches the place it names, and no further
        ("no pain down the leg but my calf is swollen and hot since the flight", "urgent"),
        # "wiped out" alone is tired, not a fall that would explain the dark pee away
        ("smashed a crossfit comp yesterday, totally wiped out and my wee is dark", "emergency"),
        # a heart that flaps like a bird, and a rate far past what effort explains
        ("on my hill run my heart was flapping in my chest like a bird, watch said 260", "urgent"),
        # a fused spine, however long ago: the surgeon's or physio's advice first
        ("had a lumbar fusion in 2019, can i do yoga", "see_professional"),
        # a pop told from bed is still a pop
        ("heard a loud pop in my hamstring sprinting, now lying in bed with ice on it", "urgent"),
        # a weight loss denied as deliberate is unexplained ("not trying to lose weight")
        (
            "my back has ached for weeks and ive lost half a stone, not trying to lose weight",
            "urgent",
        ),
        # not being able to pee, with back pain
        (
            "lower back is killing me and since this morning i need to pee but nothing really "
            "comes out",
            "emergency",
        ),
        # a year on steroids, then a sharp back pain that has not eased: bones thinned
        (
            "been on prednisone for my asthma for most of the last year. last week i bent down "
            "to pick up the cat and got a sharp pain in my mid back that hasn't eased",
            "see_professional",
        ),
        # numb thumbs and fingers in both hands at night with a weak grip: the hands' nerves,
        # not the emergency of the nerves at the base of the spine
        (
            "both hands wake me at night with pins and needles in my thumb and first two "
            "fingers, and my grip feels weak, i keep dropping things",
            "urgent",
        ),
        # a faint in a school fitness test, though the teenager feels fine now: checked today
        (
            "my son blacked out near the end of the bleep test, hes totally fine now, leg "
            "stretches so it doesnt happen again?",
            "urgent",
        ),
    ],
)
def test_symptoms_are_triaged_by_level(brain: Brain, message: str, level: str):
    reply = brain.reply(message)
    assert level_of(brain, reply) == level, reply.intent
    assert not reply.stretches


@pytest.mark.parametrize(
    "message",
    [
        "my calves are tight after running",
        "no numbness, just tight hamstrings",
        "my calves get tight when i run and ease off when i stop",
        "sore stiff neck for 3 days from her backpack, stretches she could do?",
        "havent been able to sleep, so stressed, neck is tight",
        "first bodypump class, my quads hurt to touch and rolling over in bed woke me up",
        "i think i'm having a heart attack watching my team's penalty shootout lol, stretch for a tight neck?",
        "toes went numb ice skating in tight rental boots, came back as soon as i took them off",
        "hands tingle a bit during the wrist stretch and stop straight away when i come out of it",
        "hungover and slept on the sofa, neck stiff and just my usual hangover headache",
        "pulled my pec moving a desk, only hurts when i press on it, breathing's fine",
        "hip sore after one night on a rock hard airbnb mattress",
        "got rear-ended at low speed yesterday, car's fine, stretches after a long drive?",
        "dad fell asleep on the sofa and cant get up lol",
        "my ears feel hot after a run lol",
        "rash from my bra strap on my ribs",
        "my knees look kinda bent when i stand, hyperextended?",
        "how do i get rid of stretch marks on my hips after losing weight",
        "is it ok if i do it at night too or only mornings",
        "did a 3 hour hike yesterday and my calves feel like someone tenderised them with a hammer",
        "my legs are dead after football lol cant feel em haha",
        "i'm paralysed after that leg workout lol, stairs are my enemy",
        "numb bum after a 3 hour meeting lol, any stretches",
        "my fingers tingle a bit in the doorway chest stretch if i go high with my arm, normal?",
        "feel a pulling tingly thing in my calf during downward dog, disappears when i come out",
        "calves swollen a bit at the end of a hot day on my feet, both the same, goes down overnight",
        "carried my wallet in my back pocket for years, now a deep ache in my butt when i drive",
        # the leg is where the pain is not: a negation reaches the place it names
        "left glute aches after a 5 hour drive, nothing going down into my leg, stretch?",
        "pins and needles in my foot when i stay in a long seated forward fold, should i come out of it?",
        "i crack my neck every morning, is that bad",
        "switched to swimming, my shoulders ache for a couple days after every swim. what do i stretch before and after?",
        "my baby wakes me up every night and my back is stiff",
        "the toddler keeps me up half the night and my back is sore from rocking him",
        "my calf isn't red or swollen or warm, it's just tight after the flight",
        "my foot fell asleep for a second when i stood up",
        "i'm numb to criticism but my hips are tight",
        "my chest is tight from bench press yesterday",
        "swollen with pride after my first 10k, how do i stretch my quads",
        "my heart races every time my crush walks by lol",
        "my swimming stroke feels stiff, any shoulder drills",
        "killer leg day, my legs are like jelly",
        "what is a good stretch for a tight chest after yoga",
        "how do i convert knots to mph",
        # "tightness" on a run, about the calves the message names
        "could my trainers cause tight calves? tightness starts during the run",
        # stretching not helping is not pain that never eases
        "the backs of my calves hurt when i walk fast, ive tried stretching but nothing helps",
        # waking once with a sore joint is morning stiffness, not pain that wakes you
        "woke up with pain at the back of my ankle, no swelling, its just stiff",
        "tore my acl as a teen, fully rehabbed, hamstring stretches please",
        "hand went numb holding my phone up in bed, came back when i moved it",
        "heel pain when my feet first hit the floor in the morning, plantar fasciitis?",
        "my arm tingled when i gripped the bar, went straight away",
        "my drop kick is terrible, how do i practise",
        # the day after a hard session
        "can barely walk properly after yesterday's squats, stairs are my enemy",
        "chest is sore 2 days after bench press, should i stretch it",
        "my boss gives me a headache and a stiff neck",
        "i sneezed and my back twinged for a second, fine now, stretches?",
        "numb bum from a long cinema film haha, stretch for glutes",
        "used to get sciatica, its gone now, just want to stay loose",
        "mild headache after my workout, water fixed it",
        "i was paralysed with indecision about which class to take",
        "broke my personal best on the 5k, quads tight",
        "went to the fitting room and my back twinged, fine now",
        "what is a stress fracture vs shin splints",
        "RIP my hamstrings, did nordic curls for the first time",
        "shoulder still hurts after the gym, cant lift my arm above my head",
        # soreness that peaks on the second day, hyperbole, a passing tingle, other senses
        "hamstrings sore 2 days after my first deadlift session, ok to stretch them?",
        "cant feel my legs after that leg day lol, best stretch?",
        "tingly hands after push ups that goes in about a minute, normal?",
        "i collapsed on the sofa after my 10k, what stretches now",
        "feeling numb about my progress, still cant touch my toes",
        "got dizzy spinning my kids round in the garden, neck stretch?",
        "my butt is so sore from the stairs challenge i had to sit down sideways",
        "first bodypump class yesterday and my whole body aches like I got hit by a bus",
        "after a 10h flight both legs feel heavy and tight, nothing red or swollen",
        "for my first aid course: what are the signs of a blood clot in the leg?",
        "broke my phone screen doing a stretch lol, anyway what's a good hip opener",
        "on pins and needles waiting for my marathon results, my legs need a stretch",
        "my 8 year old's legs ache at night sometimes, fine in the morning. growing pains?",
        "heard a pop in my back twisting in my chair, no pain at all, actually feels looser",
        "fingers go a bit numb holding my phone up in bed, shake them and it's gone",
        "a bit puffed after running for the bus lol, stretches for calves",
        "mum of 3, the other two hanging off me, between my shoulder blades feels knotted",
        "my calves twitch for ages after the stepmill, like little flutters under the skin",
        "legs went dead on the toilet scrolling my phone lol, fine after a minute",
        "out of breath on my first run in a year lol",
        "outer hip sore after sleeping on that side on a new mattress",
        "years ago i used to get out of breath, all fine now",
        "sprained my ankle last week, still swollen, when can i start stretching it",
        # a machine's seizure, a boot's heel, a back broken not literally, fainting with
        # laughter, a night cramp gone, a fall that did no harm, a sneeze with no harm done,
        # a heart still pounding from class, a numb seat after a long drive
        "my computer has a seizure every time i open the browser",
        "the heel on my boot snapped on the way to the gym",
        "back feels broken after a double shift, not literally, what stretches help",
        "nearly fainted laughing at my mate in yoga class",
        "woke up with a calf cramp at 3am, fine now just a bit tender",
        "slipped on the ice and landed on my bum, bit sore but fine, glutes tight",
        "sneezed and my back twinged, nothing major, moving fine",
        "heart still pounding after spin class, how do i cool down properly",
        "numb bum after a 4 hour drive, any stretch for that",
        "my heart hurts when i think about my ex lol",
        "weird bend in my spine when i do a forward fold, am i doing it wrong",
        "i cant move my feet in pigeon pose lol, back is fine",
        "how do i raise my body temperature before a run, warm up ideas",
        "tight between my shoulder blades from my desk job, any stretch",
        "going down stairs both legs ache after leg day",
        "i always sit with my legs tucked under me and they go numb after 10 min, is that bad",
        # "how long are we talking" is no speech; "off the floor" no speech gone off
        "used to do the splits, now im a foot off the floor. how long are we talking to get "
        "them back?",
        # heavy shoes are no heavy legs; walking is the rest, not what brings it on
        "calves get so tight at mile 2 that i have to stop and walk, better in my heavy old "
        "trainers",
        "fainted once at a festival when i was 16, never since. can i do hot yoga?",
        # a DVT long treated, scans clear, a flight to come
        "had a DVT in my calf four years ago, treated, scans since all clear. flying again next "
        "month, in-seat stretches?",
        # back at the gym for the first time since christmas: how long away, not how long sore;
        # "or make it worse" asks whether stretching harms
        "back at the gym for the first time since christmas, squats and lunges, legs so sore. "
        "will stretching help or make it worse?",
        # hands that tingle holding a phone up in bed and settle at once
        "my hands tingle a bit when i hold my phone up in bed, goes straight away when i put it "
        "down. neck stretches for scrolling?",
        # hips that ache lying on one side late in pregnancy, the midwife happy to stretch
        "im 30 weeks pregnant and my hips ache at night when i lie on my side. my midwife is "
        "happy for me to stretch, what can i do?",
        # a stretch asked for an area sore for days is no pain lasting after a stretch
        "what's a good stretch for my lower back? been sore for about 5 days",
        # a jaw "kind of locked up" is a tight one
        "i grind my teeth and wake up with my jaw aching and kind of locked up, jaw stretches?",
        # stretches asked for by their area are not stretches done
        "lower back stretches? its been aching for days",
        # a back that "feels broken" after a night of gaming is no broken bone
        "pulled an all nighter gaming and my back feels broken lmao",
        # legs wobbly and sore after a class are tired legs, not dizziness; passing out in
        # bed, a calendar blacked out, a faint "metaphorically" are no faints
        "wobbly and sore after my first spin class, any cooldown?",
        "passed out by 10 last night, slept like a log after the hike",
        "blacked out my diary for the gym, when should i stretch",
        "nearly fainted (metaphorically) at the price of the yoga class",
        # a near faint from pain, with a stretch asked for after it; a friend's injury told
        # as the reason to ask; calves "like concrete" after long shifts; a pain made worse
        # by sitting on a wallet
        "stubbed my toe so hard i nearly passed out lol. anyway any good foot stretch",
        "my mate tore his achilles at five a side, what calf stretch so that doesnt happen to me",
        "by the end of a run of night shifts my calves feel like concrete and my feet ache",
        "deep ache in my bum for 2 weeks, worse when i sit on my wallet, what stretch",
        "flying to perth next week, last time my ankles went puffy, stretches for the plane?",
        # woken by someone else, not by pain; a back "broken" by a chore
        "the puppy woke me at 4 and now my lower back is stiff",
        "my back is broken after gardening lol",
        # time blocked out, a figure of speech, a dizziness that passed with a drink
        "i blacked out the whole weekend for a yoga retreat",
        "i was knocked out by how good that yoga class was",
        "felt dizzy after hot yoga but drank water and felt fine",
        # someone else's story told in passing, the writer turning to their own body
        "my son fainted at school last week, he's fine now. i need a stretch for my shoulders",
        "my colleague passed out at work yesterday, scary. anyway my neck is stiff from the desk",
        "my friend tore his acl playing football, i want to avoid that, what should i stretch",
        # ... in one sentence, turned from with "so" or "and now"
        "my brother tore his hamstring sprinting so i want a proper warm up",
        # ... or asks how not to end up the same
        "my brother heard a pop in his knee skiing and got it checked, how do i prevent that",
        # a limb "going to explode", a back "broken" after a long day, clots others have or
        # one to prevent, breathless on a first run in ages
        "my forearms feel like they're going to explode after climbing, what should i stretch",
        "quads are gonna explode after leg day lol",
        "my back is broken after a full day of moving furniture",
        "physio here, i treat loads of DVTs, what calf stretches do you recommend for desk workers",
        "what can i do to lower my risk of a blood clot on a long flight",
        "went for my first run in ages, heart was racing and i was gasping, normal?",
        "when i come up from a forward fold i get dizzy and see spots",
        # a hill "heart attack inducing"; blurry eyes from a screen, with a sore neck
        "heart attack inducing hill on my run today lol, calves are dead",
        "vision went a bit blurry after staring at my screen all day, neck is sore too",
        # someone else's story goes on in a piece with no subject; the writer shaken by it
        "my dad ruptured his achilles at tennis, said it was like being shot. "
        "how do i keep my calves loose",
        "watched a woman faint at spin class which scared me a bit. anyway what do i stretch",
        # the ribs under the arm are the side of the body, not the chest
        "after a long swim my sides feel tight, along the ribs under my arm",
        # a hospital as a workplace is no stay in one; both calves throbbing after a shift
        "nurse here, 12 hour shifts on a hospital floor, my feet and calves are throbbing "
        "by the end. anything for after work?",
        # the parent's hip that carries the child, not the child's
        "my toddler refuses to walk anywhere so i carry him on my left hip all day, my lower back "
        "aches by the evening",
        # a chest that tightens as the person sits up straight is a muscle's stretch
        "shoulders rolling forward and my chest feels tight when i try to sit up straight",
        # a baby's age is no length of pain
        "new dad, my upper back and arms ache from rocking her. she's 7 weeks old and "
        "weighs nothing",
        # a stitch under the ribs when running
        "halfway through my runs i get a stabbing pain under my ribs on the right",
        "this movie gave me chest pains from laughing so hard",
        # legs weak after a workout
        "legs feel weak after leg day today",
        "my legs are like jelly today after the run",
        # can walk, with a wince, after a hard session
        "I cant walk down stairs without wincing after leg day",
        "cant walk down stairs without holding the rail, my quads are destroyed",
        # the inside of the thighs where a stretch is felt
        "i feel the butterfly on the inside of my thighs, is that right",
        # a child's limp that has settled, or one that lasted a day
        "my son was limping for a few days after football but hes fine now",
        "my daughter limped off at netball yesterday, should she stretch her calf",
        # "huge" of thanks, not of a knee
        "huge thanks, my knee feels better",
        # a tear asked about as the other choice to soreness, with no sign of one
        "calves killing me two days after leg day, torn something or just sore?",
        # an ankle walked off straight away, with no swelling; a numb bum from driving
        "went over on my ankle a tiny bit stepping off the kerb, walked it off straight away, no swelling",
        "my bum always goes numb after 2 hours behind the wheel",
        # eyes hurt by a screen are eye strain, beside a stiff or aching neck; a crack that
        # felt good is a joint's noise
        "my neck is stiff and the screen hurts my eyes",
        "my neck aches and staring at my laptop all day hurts my eyes",
        "heard a crack when i twisted in my chair, felt amazing actually",
        # rolling over in bed is a position; a calf in a knot overnight a cramp; "in about
        # 10 years" a time since, not how long it hurt; numbness that wears off
        "hips tight, especially at night when i roll over in bed, a deep ache in the front",
        "woke at 3am with my calf in a massive knot, actually screamed, still a bit tender today",
        "first run in about 10 years yesterday, shins ache a bit today",
        "fingertips on my left hand are a bit numb after a 3 hour guitar practice, goes after a while",
        # a count is no age: 80 squats names no one over 50
        "did 80 squats for the first time yesterday and now my lower back hurts",
        "my back has decided its 80, started hurting this week",
        # an accident taken back in jest
        "moved house all weekend, pretty sure i broke my back jk just stiff",
        "think i snapped my neck at yoga lol just kidding its stiff",
        # a back that went twang lifting is a strain told, not a tear (a pop in a limb is)
        "pulled something lifting the baby, lower back went twang, any stretches",
        # fingers puffy the morning after climbing: the session, not an inflammatory arthritis
        "bouldered for 3 hours, forearms rock hard and fingers swollen, what do i do after",
        # a cramp that wakes someone is no night pain
        "my calf went into a knot at 3am and woke me up",
        "calf cramp woke me up at 3am, agony",
        # "not injured" tells no injury; an injury "on the stairs" has not come back
        "knees get stiff going downstairs, not injured, just getting on a bit",
        "strained my calf on the stairs last week, can i stretch it yet",
        # sitting on the toilet too long numbs a bum without any warning sign
        "my bum goes numb when i sit on the loo for ages scrolling",
        # both arms sore after training, not an arm that suddenly won't lift
        "cant lift my arms above my head the day after arm day",
        # a beginner out of breath, heart pounding: the effort explains it
        "just started couch to 5k, heart racing and im so out of breath, normal?",
        # a thing that "had a stroke", a gym account "blacked out" of
        "my laptop had a stroke and lost my work, now my neck is stiff too",
        "blacked out of my gym account lol, whats a good warm up",
        # puffy ankles on a hot day at work, gone by the morning
        "ankles swell a little after a hot day on my feet at work, gone by morning",
        # confused about which stretch, after a fall; peeing hard after a night out
        "fell over at netball, im confused about which stretch to do for my knee",
        "peeing is hard after a night out lol, anyway neck stretch?",
        # an ankle swollen after going over on it is a sprain, not a clot
        "my ankle is all swollen and bruised after going over on it at netball",
        # pins and needles that go once the person lets go, moves or gets off: the usual kind
        "fingers tingle when i hang from the bar for ages, goes straight away when i let go",
        "numb foot in the car on long drives, goes after i get out and walk",
        # dizzy getting up off the floor in a class: a head rush, not the heart in effort
        "i get woozy getting up off the floor in my yoga class, we do a lot of headstands",
        # numb or white from an ice pack or frozen peas: the cold of the pack
        "held a bag of frozen peas on my ankle and my toes went white and numb haha",
        "ice pack on my wrist for 20 mins and now my fingers are numb and pale, normal?",
        # a skill lost, not a bone: "broken because i can't do a bridge"
        "my son reckons my back is broken because i cant do a bridge anymore",
        # a heart racing with a reason told: effort, nerves, coffee
        "heart rate goes through the roof doing burpees, that's normal isn't it",
        "my heart was racing before my exam this morning lol",
        "too much coffee and my heart is racing, can i still stretch",
        # a back "broken" by hours of gaming is hyperbole
        "12 hour gaming session and my neck is broken",
        # "passed out on the sofa" is asleep
        "passed out on the sofa watching tv and now my neck's wrecked",
        # idioms and other people's falls: paralysed by choice, a personal best broken
        "honestly paralysed by choice with all these stretches, which one for my hips",
        "pulled a muscle laughing at my sister falling over at the party, my sides ache",
        "broke my squat pb today, back feels worked, what should i stretch",
        # standing up quick from the floor, said so: a head rush
        "go a bit lightheaded sometimes when i get up quickly after floor stretches",
        # scrolling in bed at night, then a stiff neck in the morning
        "doomscrolling in bed every night and i wake up with a neck like concrete",
        # an ache in one buttock down the thigh while driving: the piriformis' way, not a clot
        "ache in one bum cheek running down my thigh whenever i drive for over an hour",
        # flu named as such, aching all over: the answer on stretching when ill
        "got the flu and my whole body aches, is gentle stretching ok or should i rest",
        # an arm slept on gone dead, fine after: the answer on a limb gone to sleep
        "slept funny on my arm, it went completely dead for a minute then came back",
        # both ankles a bit puffed up, nothing else: no clot's way (one leg, pain, heat)
        "my ankles are a bit puffed up",
        # hard muscles after a race told as just tired and sore: no muscle breaking down
        "quads rock hard after the half marathon, just tired and sore like normal",
        # a "paralysed" bum after a long sit is a numb or stiff seat told big
        "bum totally paralysed after sitting through a 3 hour film lol",
        # off one's feet at the end of a shift, or rushed off them, is no rest in bed
        "clocking off after 12 hours on my feet and my calves are throbbing, why",
        "been rushed off my feet all day at work, calves are throbbing",
        # "before i pass out" after a shift is sleep to come, not a faint
        "calves throbbing after a double shift, anything quick before i pass out?",
        # clothes that tear are no tear
        "ripped my trousers bending down for a squat, my hips need work",
        # numb where a pet lay, fine as soon as it moves
        "legs go numb when the dog sleeps on them, fine as soon as he moves, hips feel tight",
        # dizzy from spinning someone round: the inner ear, not the heart
        "dizzy after spinning my nephew round, neck is sore from looking up at him on the climbing frame",
        # stairs taken stiffly the day after a race are sore legs
        "did my first half marathon yesterday and i cant walk down the stairs forwards lol",
        # a knot under the arm is a muscle's
        "knot under my arm after bench day",
        # numbness from a position that went once the person moved
        "my bum went numb on the train, it went after i walked about a bit",
        "pins and needles in my hand from holding my tablet, went when i put it down",
        # a dent in a car is no dent in a muscle
        "reversed into a post and put a dent in my car, now my calves are tight from stressing",
        # a break taken back as a joke, or a back "broken" by a class
        "i think i broke my legs doing burpees, jk, just sore",
        "my back is broken after that pilates class haha",
        # a car that broke down is no broken back
        "my car broke down on the motorway and so did my back, stiff from the wait",
        # a leak on laughing is no lost bladder control, nor a joke of nearly wetting oneself
        "almost peed myself laughing at the dog, anyway my lower back is tight",
        # a neck slept on at an odd angle is no limb out of shape
        "dozed off on the train at a funny angle and now my neck and shoulder are stiff",
        # a jaw crushed by clenching, beside an arm tight from the gym
        "my jaw is crushed from clenching, arms tight from the gym",
        "i was about to drop after the 5k, any cooldown",
        # abs sore after a workout, however bad
        "sore abs after planks, agony, getting worse",
        # a runner's tight shoulders and breathlessness are no angina
        "my shoulders get tight when i run and im out of breath",
        "shoulders tight after stairmaster, out of breath lol",
        # fitting kitchens is no fit; static, a heart rate or water after a run are no flag
        "been fitting kitchens all week, back is stiff",
        "static shock from the car door lol",
        "my heart rate hit 190 on the run and i got a headache",
        "after my long run i drank loads of water, legs are sore",
        "12 weeks training for a marathon and my knee is bleeding from a fall",
        # numbness gone within minutes, legs numb with cold, "seeing stars" laughed off, a
        # bruise gone yellow as it heals, a back tight after dinner at a desk
        "pins and needles in my fingers from leaning on my elbow, gone after 2 mins",
        "legs numb with cold after the hike, any stretches",
        "that hiit had me seeing stars lol, cooldown?",
        "the bruise on my thigh has gone yellow, is it ok to stretch",
        "upper back tight after dinner at my desk",
        # a fall that hurt only pride, a twinge on a sneeze that has eased, a hip that hurts at
        # night only on a borrowed bed, hands pumped after bouldering
        "landed on my wrist, only my pride is hurt really",
        "sneezed and my neck twinged, eased off now",
        "my hip only hurts at night on the sofa bed at my sisters",
        "hands like jelly after bouldering, cant even hold a cup",
        # a colleague's faint, told before the writer's own ask for a cool-down
        "my coworker fainted at spin last week, what cooldown should i do after my class",
        # thirst after a run, or for a week, is no sign on its own
        "so thirsty after my run, any cooldown",
        "been so thirsty all week",
        # a teammate's tear told before what "we" should do: the team's own ask
        "my teammate tore his hamstring sprinting, what warm up should we do so it doesnt happen to us",
        # the pump of a session is no muscle breaking down
        "chest is so swollen after bench lol the pump is insane",
        "triceps so swollen after arm day, crazy pump",
        # breathless from laughing
        "i could barely breathe from laughing so hard at my mate falling off the bench",
        # someone else's injury seen in a video, the writer only shaken by it
        "saw a clip of a guy rupturing his achilles, now im worried, warm up for my calves?",
        # fingers tingling from sleeping on the arm
        "my fingers go tingly when i sleep on my arm",
        # a chest sore to press after push-ups; a bruise after a slip, walking fine; a sneeze's
        # twinge that is easing
        "slipped on the ice yesterday, just bruised, walking fine, stretch for my hip?",
        "my back twinged when i sneezed this morning, already easing off",
        # chemotherapy years ago; a baby on the lap; a pregnant kicker
        "finished chemo years ago, want to get my flexibility back",
        "my baby hasn't moved from my lap all day lol, need a neck stretch",
        "im 28 weeks pregnant, baby kicks my ribs, any stretch for that",
        # an allergy told, or one in the past, a cold's swollen throat, hay fever (no fever)
        "i'm allergic to nuts, what's a good hamstring stretch",
        "had anaphylaxis as a kid from peanuts, anyway neck stretch?",
        "my throat is swollen from a cold, can i still stretch",
        "got stung by a wasp on my arm, it's red and itchy, can i still stretch",
        "hay fever makes me wheezy, stretches for my back?",
        "i was shocked at how stiff my back is on the cable row",
        "my swimming stroke is getting worse, any shoulder stretch",
        "got cramp in the heat at football but fine after a drink",
        "head rush when i stand up after a long stretch on the floor",
        # a pet that limps is no child
        "my dog keeps limping on her back leg, what stretches can i do for her hamstring",
    ],
)
def test_near_misses_do_not_fire(brain: Brain, message: str):
    assert brain.reply(message).kind != "red_flag"


def test_one_puffy_ankle_with_a_hot_calf_is_still_a_clot(brain: Brain):
    # the answer about both ankles puffy after a hot day never stands for a clot's signs
    both = brain.reply("ankles a bit puffy after the flight, both the same, went down overnight")
    assert both.intent == "general.puffy_ankles"
    one = brain.reply("one ankle is puffy and the calf is hot and sore after my flight")
    assert one.intent == "red_flag.dvt"


def test_a_trip_of_days_is_no_pain_lasting_days(brain: Brain):
    stretch = brain.reply("quad stretch pls, thighs are burning after 3 days of hiking")
    reply = brain.reply(
        "that hurts my knee when i pull my foot back, something else?", stretch.context
    )
    assert reply.kind == "stretch" and reply.topic == "quadriceps"
    assert brain.reply("did the calf stretch and it still hurts 3 days later").kind == "red_flag"


def test_the_conversation_topic_names_the_area(brain: Brain):
    stretch = brain.reply("how do i stretch my calves")
    reply = brain.reply("the right one is puffy and warm to the touch", stretch.context)
    assert reply.intent == "red_flag.dvt"
    alone = brain.reply("the right one is puffy and warm to the touch")
    assert alone.kind != "red_flag"


def test_pain_spreading_up_to_the_jaw_after_a_stretch_is_the_heart(brain: Brain):
    stretch = brain.reply("stretch for my shoulder")
    reply = brain.reply("now the pain is going up to my jaw and i feel clammy", stretch.context)
    assert reply.intent == "red_flag.heart_attack_signs"


def test_a_follow_up_symptom_after_a_back_stretch(brain: Brain):
    stretch = brain.reply("give me a lower back stretch")
    reply = brain.reply("my foot keeps going numb too", stretch.context)
    assert reply.kind == "red_flag"


def test_an_accident_told_before_counts_with_a_stretch_asked_for_where_it_hurts(brain: Brain):
    # the accident named no area, so the area now is where it hurts, not "another area"
    *_, reply = converse(
        brain,
        "a van went into the side of my car at the lights yesterday, car's wrecked",
        "anyway my neck is sore this morning, what stretch should i do",
    )
    assert level_of(brain, reply) == "emergency"
    # a stretch asked for another area than the one flagged still starts afresh
    *_, legs = converse(
        brain, "my calf is swollen and hot since my flight", "any stretch for my neck?"
    )
    assert legs.kind != "red_flag"


def test_no_floor_to_lie_on_told_before_is_no_side_that_hurts_to_lie_on(brain: Brain):
    *_, reply = converse(
        brain,
        "my left side is all tight from carrying my toddler on my hip",
        "cant lie on the floor she just climbs on me lol. standing one?",
        "what about my bum, thats sore too",
    )
    assert reply.kind != "red_flag"
    assert brain.reply("my shoulder hurts so much i cant lie on it at night").kind == "red_flag"


def test_a_condition_named_before_explains_a_warning_it_accounts_for(brain: Brain):
    # hips that ache lying on one side are common late in pregnancy: named in the first
    # message, it still explains the second
    *_, reply = converse(
        brain,
        "24 weeks pregnant and my hips ache at night when i lie on my side",
        "can i do them lying on my back still",
    )
    assert reply.kind != "red_flag"
    assert "pregnancy" in reply.context.conditions


@pytest.mark.parametrize(
    "message",
    [
        "31 weeks with twins and my lower back aches every evening, what can i stretch",
        "im 26 weeks with my second and my hips ache at night, which stretches are ok",
    ],
)
def test_weeks_of_a_pregnancy_are_no_pain_lasting_weeks(brain: Brain, message: str):
    reply = brain.reply(message)
    assert reply.kind != "red_flag"
    assert "pregnancy" in reply.context.conditions
    # weeks of pain are still weeks of pain
    assert brain.reply("my back has ached for 16 weeks with no change").kind == "red_flag"


def test_a_term_is_never_registered_as_a_typos_correction(brain: Brain):
    # "oaps" is a word of its own, not a typo of "caps": a cap names no older adult
    assert (
        "older_adults"
        not in brain.reply("how to stretch a baseball cap thats too tight").context.conditions
    )
    assert "older_adults" in brain.reply("gentle stretches for oaps").context.conditions


def test_symptoms_of_the_message_before_count_with_this_one(brain: Brain):
    first = brain.reply("my neck is really stiff today")
    assert first.kind != "red_flag"
    second = brain.reply("and now i have a fever too", first.context)
    assert level_of(brain, second) == "emergency"
    # what was said before never fires on its own
    calm = brain.reply("thanks", first.context)
    assert calm.kind != "red_flag"


def test_emergency_wording_leads_with_the_local_number_and_stops_once(brain: Brain):
    reply = brain.reply("crushing chest pain and i'm sweating")
    text = render_text(reply)
    assert "local emergency number" in text
    for number in ("999", "112", "911", "000"):
        assert number in text
    assert text.lower().count("stop") == 1
    assert reply.disclaimer == brain.kb.triage_levels["emergency"].footer
    assert "not medical advice" in reply.disclaimer.lower()


def test_urgent_wording_names_urgent_care_outside_the_uk(brain: Brain):
    text = render_text(brain.reply("my calf is red hot and swollen"))
    assert "urgent care" in text and "NHS 111" in text


def test_a_red_flag_ends_a_guided_routine(brain: Brain):
    step = brain.resolve("guide.cooldown.0")
    flag = brain.reply("my chest feels crushing and i'm short of breath", step.context)
    assert flag.kind == "red_flag"
    pressed = brain.resolve(step.actions[0].intent, flag.context)
    assert pressed.intent == "guide.stopped"
    assert "stopped the routine" in render_text(pressed)


# --------------------------------------------------------------------------- conditions


def tags_of(kb: KnowledgeBase, reply: Reply) -> set[str]:
    return {tag for s in reply.stretches for tag in kb.stretches[s].caution_tags}


def test_pregnancy_changes_the_stretches_and_says_why(brain: Brain, kb: KnowledgeBase):
    reply = brain.reply("im pregnant, how do i stretch my hamstrings")
    assert reply.conditions == ("pregnancy",)
    assert "pregnant" in render_text(reply).lower()
    assert not tags_of(kb, reply) & set(kb.conditions["pregnancy"].avoid)
    later = brain.reply("how do i stretch my glutes", reply.context)
    assert later.conditions == ("pregnancy",)
    assert not tags_of(kb, later) & set(kb.conditions["pregnancy"].avoid)


def test_a_hip_replacement_sends_hip_stretches_to_the_surgeons_plan(brain: Brain):
    reply = brain.reply("stretches after hip replacement")
    assert reply.intent == "condition.hip_replacement"
    assert "precautions" in render_text(reply)
    follow = brain.reply("how do i stretch my glutes", reply.context)
    assert follow.intent == "condition.hip_replacement"


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        # the replacement told as a noun, in a talk about the joint
        ("a stretch for my hips please", "had the replacement done a month ago", "hip_replacement"),
        ("knee stretches", "got a replacement in march", "knee_replacement"),
    ],
)
def test_a_replacement_told_later_is_the_joints(brain: Brain, first: str, then: str, intent: str):
    reply = brain.reply(then, brain.reply(first).context)
    assert intent in reply.conditions, (reply.intent, reply.conditions)


def test_osteoporosis_leaves_rounding_out_of_a_routine(brain: Brain, kb: KnowledgeBase):
    reply = brain.reply("i have osteoporosis, give me a morning routine")
    assert reply.kind == "routine" and reply.conditions == ("osteoporosis",)
    assert not tags_of(kb, reply) & {"spinal_rounding", "spinal_twist"}
    assert "Left out for you" in render_text(reply)


@pytest.mark.parametrize(
    ("message", "condition"),
    [
        ("is this safe with a herniated disc", "herniated_disc"),
        # conditions people ask about that change the advice a little
        ("got scoliosis, which stretches should i do", "scoliosis"),
        # a curve the person has had since their teens is their own scoliosis, not a child's
        (
            "crooked spine since i was a teenager, one hip sits higher, any stretches for me",
            "scoliosis",
        ),
        # a child's curve a doctor already follows is scoliosis known, not a new finding
        (
            "my 14 yr old has a curve in her spine, the doctor is keeping an eye on it, can she do"
            " the stretches from her dance class",
            "scoliosis",
        ),
        ("does stretching help fibro? my whole body aches", "fibromyalgia"),
        # a caesarean is a birth as well as an operation
        ("c-section 3 weeks ago, can i stretch", "after_birth"),
        ("had a c section 8 weeks ago, when can i start stretching my back again", "after_birth"),
        ("i have a frozen shoulder, can i stretch it", "frozen_shoulder"),
        ("ive had a frozen shoulder for 8 months now, is stretching good", "frozen_shoulder"),
        ("diagnosed with adhesive capsulitis, which stretches", "frozen_shoulder"),
        ("on blood pressure tablets, ok to do yoga stretches?", "high_blood_pressure"),
        ("i have an umbilical hernia, is stretching ok", "hernia"),
        ("stretching with arthritis in my knees", "arthritis"),
        ("i'm hypermobile, should i stretch", "hypermobility"),
        ("had a knee replacement in may, what stretches", "knee_replacement"),
        ("pulled my hamstring yesterday, can i stretch it", "recent_injury"),
        # a knock or a crush, told as news
        ("dropped a kettlebell on my toe yesterday", "recent_injury"),
        (
            "a trolley rolled over my foot this morning, can i still stretch my calves",
            "recent_injury",
        ),
        ("i have sciatica, what can i do", "sciatica"),
        ("my mum had her knee done in march, can she stretch her hamstrings", "knee_replacement"),
        ("20 weeks with my first and my hips ache, what stretches", "pregnancy"),
        ("had both knees done, stiff getting up from chairs, gentle stretches", "knee_replacement"),
        ("my knee got replaced in january, which stretches are ok", "knee_replacement"),
        ("my hip was replaced 2 years ago, can i do pigeon", "hip_replacement"),
        ("stretches for my mum, shes 80", "older_adults"),
        ("the pain goes down the back of my leg to my foot", "sciatica"),
        ("28 weeks with number 3 and my hips ache, safe stretches?", "pregnancy"),
        ("pulled my calf an hour ago, can i stretch it", "recent_injury"),
        # a pulled or strained muscle told with no time is a fresh one
        ("i think i pulled my hamstring", "recent_injury"),
        ("strained my groin playing football, should i stretch it", "recent_injury"),
        ("stretch for a pulled hamstring", "recent_injury"),
        ("recovering from a hamstring tear, can i stretch it", "recent_injury"),
        ("coming back from a calf strain, stretches?", "recent_injury"),
        ("can my kids stretch with me in the mornings", "children_teens"),
        # a back that went, a broken bone out of its cast
        ("put my back out on saturday hoovering, ok to stretch yet?", "recent_injury"),
        ("ankle is finally out of the boot after the fracture, so stiff", "recent_injury"),
        # what changes with it, not a routine for a setting never named (a long flight)
        ("i have osteoporosis, what stretches can i do now", "osteoporosis"),
        # a joint turned over, told as news
        ("rolled my ankle playing football", "recent_injury"),
        ("i sprained my wrist", "recent_injury"),
        ("twisted my knee at netball, can i stretch it", "recent_injury"),
        # an organ taken out is an operation; knee surgery is not a knee replacement
        (
            "had my gallbladder taken out 8 days ago, my back is stiff, ok to stretch?",
            "recent_surgery",
        ),
        ("I had keyhole knee surgery 10 days ago, can I stretch my calves?", "recent_surgery"),
        # blood pressure told with its treatment
        ("my dad takes blood pressure pills, any stretches he should avoid", "high_blood_pressure"),
        ("the GP put me on a new blood pressure tablet, is yoga ok", "high_blood_pressure"),
        # a birth told as "had the baby", with where to start again; a shoulder the doctor
        # called frozen; a hernia already found explains its lump
        ("had the baby 5 weeks ago, c section, where do i start", "after_birth"),
        ("we had our baby in march and i feel so rusty, can i stretch", "after_birth"),
        # the birth told with how long ago, as a first message to a stretching bot
        ("gave birth 9 days ago", "after_birth"),
        ("had my little girl last week", "after_birth"),
        (
            "shoulder stuck for months, the physio called it frozen, ok to stretch?",
            "frozen_shoulder",
        ),
        ("my shoulder is in the thawing stage now, what stretches help", "frozen_shoulder"),
        (
            "bulge in my groin when i cough, gp says hernia and im waiting for the op, stretches?",
            "hernia",
        ),
    ],
)
def test_conditions_change_the_reply(brain: Brain, message: str, condition: str):
    reply = brain.reply(message)
    assert condition in reply.conditions, reply.intent
    assert reply.kind != "fallback"


def test_a_condition_named_earlier_counts_for_the_signs_told_later(brain: Brain):
    """Pregnancy named earlier in the conversation: spotting or sparkly vision told later is
    a sign to act on; without it, a nosebleed is nothing."""
    context = brain.reply("im 20 weeks pregnant, can i stretch my hips").context
    assert "pregnancy" in context.conditions
    later = brain.reply("now ive got cramping low in my belly and a bit of spotting", context)
    assert later.intent == "red_flag.pregnancy_bleeding"
    swelling = brain.reply(
        "my face and hands have puffed right up, i keep seeing sparkly spots", context
    )
    assert swelling.intent == "red_flag.pre_eclampsia_signs"
    assert brain.reply("a bit of spotting on my shirt from a nosebleed").kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "sprained my ankle years ago and it still clicks",
        "rolled my ankle last year and it still feels stiff",
        "i pulled my hamstring two years ago and its still tight",
    ],
)
def test_an_injury_long_past_is_not_a_recent_one(brain: Brain, message: str):
    assert "recent_injury" not in brain.reply(message).conditions


def test_not_pregnant_is_not_pregnancy(brain: Brain):
    assert brain.reply("i'm not pregnant, just stiff hips").conditions == ()


def test_red_flags_win_over_conditions(brain: Brain):
    reply = brain.reply("im pregnant and my calf is swollen and red")
    assert reply.intent == "red_flag.dvt"


def test_routines_show_the_key_caution_of_their_stretches(brain: Brain):
    text = render_text(brain.reply("cooldown routine"))
    assert "Knee-to-chest stretch: not advised" in text and "with osteoporosis" in text


def test_a_negator_opening_an_unless_term_still_negates(kb: KnowledgeBase):
    # "no pain" kept quiet a flag it was listed under, and took the "no" from "or swelling"
    # after it: the ankles' clicking raised a swollen calf
    message = "my ankles click going up stairs, no pain or swelling"
    flags = dict(kb.red_flags)
    hip = flags["hip_catches_with_pain"]
    flags["hip_catches_with_pain"] = dataclasses.replace(hip, unless=(*hip.unless, "no pain"))
    brain = Brain(dataclasses.replace(kb, red_flags=flags))
    assert brain.reply(message).kind != "red_flag"
    assert brain.reply("my calf is hot and swollen, no pain though").kind == "red_flag"


def test_the_conditions_survive_a_red_flag(brain: Brain):
    pregnant = brain.reply("i'm 20 weeks pregnant")
    flag = brain.reply("and i have a crushing chest pain", pregnant.context)
    assert flag.kind == "red_flag" and flag.context.conditions == ("pregnancy",)


# --------------------------------------------------------------------------- the knowledge base


def _write(folder: Path, files: dict[str, dict]) -> None:
    for name, doc in files.items():
        (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


def test_mistakes_in_the_safety_sections_name_file_and_line(tmp_path: Path):
    from conftest import mini_kb_files

    files = mini_kb_files()
    safety = files["red_flags.yaml"]
    safety["red_flags"][0]["patterns"] = [[["$no_such_symptom"], ["pain"]]]
    safety["red_flags"][0]["unless"] = ["$nor_this_one"]
    safety["red_flags"][0]["explained_by"] = ["pregnancy", "no_such_condition"]
    safety["triage_levels"] = safety["triage_levels"][:2]
    files["conditions.yaml"] = {
        "conditions": [
            {
                "id": "pregnancy",
                "name": "in pregnancy",
                "title": "Stretching in pregnancy",
                "terms": ["pregnant"],
                "avoid": ["upside_down"],
                "note": "A note.",
                "advice": "Advice.",
                "sources": ["A source"],
            }
        ]
    }
    _write(tmp_path, files)
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    joined = "\n".join(error.value.errors)
    assert "red_flags.yaml:" in joined and "unknown symptom 'no_such_symptom'" in joined
    assert "unknown symptom 'nor_this_one'" in joined
    assert "explained_by: unknown condition 'no_such_condition'" in joined
    assert "unknown condition 'pregnancy'" not in joined
    assert "triage_levels: missing 'see_professional'" in joined
    assert "conditions.yaml:" in joined and "'upside_down' is not a caution tag" in joined


@pytest.mark.parametrize(
    ("ages", "message"),
    [
        ({"age_from": 60}, "age_from: needs age_to as well"),
        ({"age_from": 60, "age_to": 200}, "age_to: 200 is outside 1 to 120"),
        ({"age_from": 70, "age_to": 60}, "age_to: 60 is below age_from 70"),
        ({"age_from": "old", "age_to": 99}, "age_from: expected a whole number"),
    ],
)
def test_a_conditions_ages_are_checked(tmp_path: Path, ages: dict, message: str):
    from conftest import mini_kb_files

    files = mini_kb_files()
    condition = {
        "id": "older_adults",
        "name": "for older adults",
        "title": "Stretching as an older adult",
        "terms": ["senior stretches"],
        "avoid": [],
        "note": "A note.",
        "advice": "Advice.",
        "sources": ["A source"],
        **ages,
    }
    files["conditions.yaml"] = {"conditions": [condition]}
    _write(tmp_path, files)
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    joined = "\n".join(error.value.errors)
    assert "conditions.yaml:" in joined and message in joined, joined


@pytest.mark.parametrize(
    ("message", "condition"),
    [
        ("70, stiff hips, where do i even start", "older_adults"),
        ("retired at 66 and my shoulders are stiff, gentle stretches?", "older_adults"),
        ("im 13, can i stretch every day for gymnastics", "children_teens"),
        ("aged 81 with tight calves, anything i can do sitting", "older_adults"),
        # the age of the one the message is for
        ("my nan's 88 and wants to keep moving, anything gentle", "older_adults"),
        ("my grandad is 84 and wants something to keep him moving", "older_adults"),
        ("she is 14 and plays netball, is stretching ok for her", "children_teens"),
    ],
)
def test_an_age_the_person_states_names_its_life_stage(brain: Brain, message, condition):
    assert condition in brain.reply(message).conditions


@pytest.mark.parametrize(
    "message",
    [
        "30, 45 or 60 seconds, how long should i hold",
        "5 and 10 minute routines?",
        "i am 20 weeks pregnant",
        "at 7 my calves are tight",
        "i am 30 and my hamstrings are tight",
        "60 seconds per side ok?",
        "book a table for me at 7",
        # an age in a simile says how stiff, not how old
        "morning routine for someone who wakes up feeling 90 years old",
        "i move like an 80 year old, any stretches",
        "wake up feeling like im 85",
        "my husband is 45 minutes late for our stretch class",
    ],
)
def test_a_number_that_is_no_age_names_no_life_stage(brain: Brain, message):
    conditions = set(brain.reply(message).conditions)
    assert not conditions & {"older_adults", "children_teens"}


def test_young_people_in_a_doubt_about_age_is_no_child(brain: Brain):
    reply = brain.reply("is it too late for me to start stretching or is that for young people")
    assert "children_teens" not in reply.conditions


def test_a_closing_question_is_answered_though_the_story_names_a_life_stage(brain: Brain):
    reply = brain.reply(
        "just turned 70. every morning i groan getting out of bed and bending down to pick stuff "
        "up gives me a twinge in the back. is it too late for me to start stretching or is "
        "that for young people"
    )
    assert reply.intent == "general.too_old"
    assert "older_adults" in reply.conditions


def test_a_real_age_beside_a_simile_still_names_the_life_stage(brain: Brain):
    assert "older_adults" in brain.reply("im 72 and i feel like a 90 year old").conditions


def test_every_red_flag_level_has_its_wording(kb: KnowledgeBase):
    for flag in kb.red_flags.values():
        level = kb.triage_levels[flag.level]
        assert level.lead and "not medical advice" in level.footer.lower()


@pytest.mark.parametrize(
    "then", ["too easy, i barely feel it. something harder", "i can't feel the stretch at all"]
)
def test_not_feeling_the_stretch_is_no_numbness(brain: Brain, then: str):
    stretch = brain.reply("how do i stretch my calves")
    assert brain.reply(then, stretch.context).kind != "red_flag"


def test_a_hot_joint_after_a_knee_question_is_a_joint(brain: Brain):
    stretch = brain.reply("how do i stretch my knees")
    reply = brain.reply("it went red and hot overnight and i have a temp of 38.8", stretch.context)
    assert level_of(brain, reply) == "urgent", reply.intent


def test_the_safety_check_follows_a_context(brain: Brain):
    context = Context(topic="calves")
    assert brain.reply("it is swollen and hot", context).intent == "red_flag.dvt"


def test_a_red_flag_is_not_raised_again_by_a_reply_that_says_nothing_new(brain: Brain):
    flagged = brain.reply("my neck hurts and i have pins and needles down my arm")
    assert flagged.kind == "red_flag"
    assert brain.reply("ok i'll call my doctor, thanks", flagged.context).kind != "red_flag"
    calf = brain.reply("how do i stretch my calves")
    assert (
        brain.reply("the right one is puffy and warm to the touch", calf.context).kind == "red_flag"
    )


@pytest.mark.parametrize(
    ("first", "then", "flag"),
    [
        # a calf gone fat after a calf conversation is a clot sign
        (
            "my calf is tight after the long drive home",
            "and it has gone fat and sore since yesterday",
            "red_flag.dvt",
        ),
        # a thing that points back at the area still reads it
        (
            "my calf is tight after the flight",
            "my dog bit it and now its swollen and hot",
            "red_flag.dvt",
        ),
        # asking whether stretching stops soreness is no red flag
        (
            "why am i more sore 2 days after a workout than the day after",
            "does stretching after stop it",
            None,
        ),
        # a thing after an area is not read as the area
        ("why is my neck stiff", "my phone is broken", None),
        # a side asked for keeps what kept the first message quiet ("always ... after a run")
        (
            "my calves are always rock hard the day after a run, pressing on them hurts. stretch?",
            "and the other leg",
            None,
        ),
        # one calf bigger than the other after an operation: a clot until shown otherwise
        (
            "calves cramp at night, what stretch",
            "the right calf is much bigger than the left now, i had an op on my ankle 2 weeks ago",
            "red_flag.dvt",
        ),
        # double vision and a spinning room after a neck stretch: an emergency
        (
            "neck stretch for stiffness",
            "did it and now everything is doubled and the room is spinning",
            "red_flag.stroke_signs",
        ),
        # an ache of the jaw with effort that rest eases: angina until shown otherwise
        (
            "any stretches for a tight jaw",
            "it aches when i walk uphill and stops when i rest",
            "red_flag.chest_pain_exercise",
        ),
        # a car named with the crash is no thing's story: the back of the conversation
        (
            "any stretches for a stiff lower back",
            "oh and i got t-boned at a junction on saturday, the car is a write off",
            "red_flag.serious_accident",
        ),
        # "if i stand still" is no hypothetical: calf pain on walking that rest eases
        (
            "my calves cramp when i walk the dog",
            "comes on after five minutes of walking and goes if i stand still, im 70 and smoked",
            "red_flag.leg_pain_on_walking",
        ),
    ],
)
def test_a_second_message_read_with_the_first(
    brain: Brain, first: str, then: str, flag: str | None
):
    reply = brain.reply(then, brain.reply(first).context)
    if flag is None:
        assert reply.kind != "red_flag"
    else:
        assert reply.intent == flag


@pytest.mark.parametrize(
    ("first", "message", "condition"),
    [
        (
            "any warm up stretches before football?",
            "my son is 12, he's the one asking",
            "children_teens",
        ),
        ("lower back stretches? so stiff", "had my baby three weeks ago", "after_birth"),
        # the joint replaced, pointed at after talk of the knee
        (
            "anything for a stiff knee?",
            "its the one the surgeon replaced in may",
            "knee_replacement",
        ),
    ],
)
def test_a_life_stage_told_in_passing_in_a_conversation_about_stretching(
    brain, first, message, condition
):
    context = brain.reply(first).context
    reply = brain.reply(message, context)
    assert condition in reply.context.conditions


def test_a_life_stage_told_out_of_the_blue_is_no_condition(brain):
    # "my son is 12" with nothing about stretching, in the message or before, is small talk
    assert brain.reply("my son is 12").context.conditions == ()


@pytest.mark.parametrize(
    "message",
    ["should i just keep doing the stretch you gave me?", "ok to do my yoga class tonight?"],
)
def test_asking_to_stretch_on_after_a_red_flag_hears_it_again(brain, message):
    flagged = brain.reply("my calf is swollen, red and hot since the long flight")
    assert flagged.kind == "red_flag"
    reply = brain.reply(message, flagged.context)
    assert reply.intent == flagged.intent
    assert "hold off stretching" in reply.blocks[1].text


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("ok. unrelated, how long should i hold a stretch normally?", "general.how_long"),
        ("ok. what about cool down stretches in general", "routine.cooldown"),
    ],
)
def test_a_new_question_after_a_red_flag_is_answered(brain, message, intent):
    flagged = brain.reply("my calf is swollen, red and hot since the long flight")
    assert brain.reply(message, flagged.context).intent == intent


@pytest.mark.parametrize(
    ("flagged", "message"),
    [
        (
            "my calf is swollen, red and hot since the long flight",
            "any stretch for my calf though?",
        ),
        (
            "my calf is swollen, red and hot since the long flight",
            "thanks. can i stretch my calves",
        ),
        ("my back hurts and i cant feel my bum", "ok, lower back stretch?"),
    ],
)
def test_a_stretch_for_the_flagged_area_hears_the_red_flag_again(brain, flagged, message):
    first = brain.reply(flagged)
    assert first.kind == "red_flag"
    assert brain.reply(message, first.context).intent == first.intent


@pytest.mark.parametrize(
    "message",
    ["will do. any tips for a stiff neck?", "ok thanks. and neck stretches for the office?"],
)
def test_a_stretch_for_another_area_after_a_red_flag_starts_afresh(brain, message):
    flagged = brain.reply("my calf is swollen, red and hot since the long flight")
    reply = brain.reply(message, flagged.context)
    assert reply.kind != "red_flag" and reply.topic == "neck"


@pytest.mark.parametrize(
    ("flagged", "message"),
    [
        (
            "i got a heavy pain in my chest and my left arm went funny",
            "ok fair. what stretches for my legs after, for another day?",
        ),
        (
            "one spot on my shin bone really hurts to press, even when im resting",
            "fine. what can i stretch to keep my hips loose while i rest it?",
        ),
    ],
)
def test_a_stretch_asked_for_a_part_the_red_flag_was_not_about(brain, flagged, message):
    first = brain.reply(flagged)
    assert first.kind == "red_flag"
    assert brain.reply(message, first.context).kind != "red_flag"


def test_a_flag_checked_and_cleared_no_longer_holds_off_stretching(brain):
    flagged = brain.reply("my calf is swollen, red and hot since the long flight")
    reply = brain.reply(
        "i saw the doctor, it was fine, no clot. can i stretch it now?", flagged.context
    )
    assert reply.kind != "red_flag"


def test_a_red_flag_with_its_own_lead_says_it_instead_of_the_levels(brain):
    """Someone else has collapsed: call for help, with no "stop stretching" meant for the
    person who is stretching."""
    text = render_text(brain.reply("my friend collapsed and isnt responding"))
    assert "Call your local emergency number now" in text
    assert "Stop stretching" not in text and "Don't drive yourself" not in text
    assert "Stop stretching" in render_text(brain.reply("sudden crushing chest pain"))


def test_thanks_after_a_red_flag_is_thanks(brain):
    flagged = brain.reply("my calf is swollen, red and hot since the long flight")
    assert brain.reply("thanks, will do", flagged.context).intent == "smalltalk.thanks"


def test_hypermobility_described_in_its_signs_is_the_condition(brain):
    reply = brain.reply(
        "my knees go backwards when i stand and i can bend my thumb to my wrist, "
        "is normal stretching ok for my tight hamstrings?"
    )
    assert "hypermobility" in reply.context.conditions


#: signs told in people's own words, each with the red flag it raises, or None for a message
#: that must raise none
SIGNS_IN_OWN_WORDS = [
    # off one's feet in bed, then a throbbing calf, is still a clot's way
    ("been off my feet for a week with flu and now my calf is throbbing", "red_flag.dvt"),
    # a limb or a hip that cannot move is still paralysis
    ("my hip feels paralysed, i cant lift my leg", "red_flag.paralysis"),
    # numb from the waist down is both legs and the saddle at once
    ("gone numb from the waist down", "red_flag.saddle_or_both_legs_numb"),
    ("cant feel anything below the waist", "red_flag.saddle_or_both_legs_numb"),
    # hard muscles with real pain after hard exercise are still muscle breaking down
    ("my quads are rock hard and painful after crossfit", "red_flag.rhabdomyolysis"),
    # a blow to the back of the lower leg from nothing at all: the Achilles
    (
        "playing squash and got a sudden whack in the back of the lower leg, like a ball hit "
        "me, but nothing had",
        "red_flag.achilles_rupture",
    ),
    # a stretch asked about as a remedy is not where the numbness came on
    (
        "my shin and foot have been numb for a fortnight, will a calf stretch help?",
        "red_flag.tingling_comes_and_goes",
    ),
    # a new joint still stiff, with the physio or surgeon already on it: the condition's
    # advice, not a referral to them
    (
        "8 weeks after my knee replacement and still can't bend it past 95, physio says keep "
        "going. any extra stretches",
        None,
    ),
    (
        "knee replacement 4 months ago and it won't bend past about 100, what can I stretch",
        "red_flag.stiff_after_joint_replacement",
    ),
    ("new knee 3 months ago, still cant bend it past 90", "red_flag.stiff_after_joint_replacement"),
    # ... but a new joint only still stiff, which recovery expects for months: the
    # condition's advice (the physio's exercises first)
    ("had my knee replaced 10 weeks ago and it's still stiff in the mornings", None),
    ("knee replacement 6 weeks ago, so stiff still", None),
    # a heart racing at rest for no reason: a GP's check
    ("my heart rate goes through the roof at rest for no reason", "red_flag.racing_heart_at_rest"),
    (
        "my heart is racing and im just sitting on the sofa doing nothing",
        "red_flag.racing_heart_at_rest",
    ),
    # numbness told as going on, or spreading, when the person moves: still a sign
    ("my foot went numb after i got up and it hasnt come back", "red_flag.nerve_getting_worse"),
    # a heart that races "even getting up off the floor" is no head rush
    (
        "dizzy on long rides and my heart races out of nowhere, even getting up off the floor",
        "red_flag.dizzy_racing_exercise",
    ),
    # ... and one that eases when an effort stops may be the heart's
    (
        "my left arm goes tingly on the rowing machine but it comes back when i stop",
        "red_flag.tingling_comes_and_goes",
    ),
    # peeing hard since the back went: the nerves at the base of the spine
    ("peeing is hard since my back went last week", "red_flag.bladder_bowel_sex_indirect"),
    ("my lower back is sore and ive had trouble peeing since yesterday", "red_flag.cauda_equina"),
    # a fall, then drowsy or confused, the head not named: a head injury's signs
    ("my mum fell yesterday and now shes confused and drowsy", "red_flag.drowsy_after_a_fall"),
    ("grandad had a fall this morning and seems confused", "red_flag.drowsy_after_a_fall"),
    # numb around the bottom, noticed sitting on the toilet: saddle numbness
    ("it feels numb round my bum when i sit on the loo", "red_flag.saddle_or_both_legs_numb"),
    (
        "back stretches pls, and now both legs ache and its numb round my bottom on the toilet",
        "red_flag.saddle_or_both_legs_numb",
    ),
    # buttons that can't be done up, a thumb's pad gone thinner: a squeezed nerve's weakness
    ("my hand is getting clumsy, i cant do my buttons up anymore", "red_flag.hand_weakness"),
    ("the fleshy bit of my thumb looks thinner and i cant do buttons", "red_flag.hand_weakness"),
    # an injury that came back, told by how often
    (
        "strained my calf again, that's the second time this year",
        "red_flag.injury_keeps_coming_back",
    ),
    # dizzy, with the sight changed (not only greyed out): a stroke's signs
    ("dizzy and my vision went blurry out of nowhere", "red_flag.stroke_signs"),
    ("suddenly really dizzy and my vision is weird", "red_flag.stroke_signs"),
    # a fall, then someone still on the floor or a leg that looks shorter: a broken hip
    (
        "grandad tripped on the rug and he's still on the floor, his hip is really sore",
        "red_flag.broken_hip",
    ),
    (
        "my nan slipped doing her standing stretches, she's on the floor, says her hip hurts",
        "red_flag.broken_hip",
    ),
    # a clunk, then a joint that will not move or an arm that hangs
    ("my elbow went clunk during a handstand and now it won't move", "red_flag.dislocated_joint"),
    ("shoulder popped in a backbend, arm just hanging there, agony", "red_flag.dislocated_joint"),
    # a shoulder that has not reached the back pocket for months (a wallet in it is sciatica's)
    (
        "been 3 months and i still cant reach my back pocket, shoulder wakes me at night",
        "red_flag.pain_for_months",
    ),
    # dizzy, and the eyes cannot see straight
    (
        "turned my head in the neck stretch and now im dizzy and cant see straight",
        "red_flag.stroke_signs",
    ),
    # a joint that slips out and back in, or keeps popping out
    ("my shoulder pops out sometimes then goes back in", "red_flag.joint_keeps_dislocating"),
    ("my kneecap keeps popping out when i dance", "red_flag.joint_keeps_dislocating"),
    ("my shoulder has slipped out twice this year", "red_flag.joint_keeps_dislocating"),
    # pain at night that no position eases, rolling over told as not all of it
    (
        "my hip hurts at night, not just when i roll over, even lying completely still it aches",
        "red_flag.pain_only_at_night",
    ),
    ("lower back aches in bed no matter how i lie", "red_flag.pain_only_at_night_spine"),
    # an age told after "at" or "turned", with new back pain
    ("first time ever back pain at 63, no injury", "red_flag.new_back_pain_over_50"),
    ("turned 70 and out of nowhere my back started hurting", "red_flag.new_back_pain_over_50"),
    # a child's head hit, then sickness and confusion
    (
        "my daughter banged her head on the ice at skating, shes been sick and seems confused",
        "red_flag.drowsy_after_a_fall",
    ),
    ("he hit his head on the floor at rugby and now hes throwing up", "red_flag.serious_accident"),
    # a drooping face beside an arm that will not lift overhead (a shoulder's range, for the
    # arm alone) is still a stroke's sign
    ("suddenly cant lift my arm above my head and my face feels droopy", "red_flag.face_droop"),
    # a seat told as a likeness is how saddle numbness feels, not its cause
    (
        "sciatica on and off but now its gone numb round my bum and between my legs, like im "
        "sitting on a cushion that isnt there",
        "red_flag.saddle_or_both_legs_numb",
    ),
    # "like ... wears off" is a likeness, not numbness that passed
    (
        "numb round my groin, like an injection that wears off, and my back hurts",
        "red_flag.saddle_or_both_legs_numb",
    ),
    # a "raging temp" is a fever; light "killing" the eyes is light hurting them
    ("stiff neck and a raging temp and the light is killing my eyes", "red_flag.meningitis_signs"),
    ("stiff neck and the light is killing my eyes", "red_flag.meningitis_signs"),
    ("my neck is stiff and my eyes hurt from the light", "red_flag.meningitis_signs"),
    ("torn my calf at football", "red_flag.suspected_tear"),
    ("went over on my ankle and it swelled up straight away", "red_flag.suspected_tear"),
    ("felt a pop in my calf, torn something or just sore?", "red_flag.suspected_tear"),
    # a knee that swelled up badly after it gave way: the same day, though giving way "on
    # the stairs" is how a knee that keeps giving way is told too
    ("my knee gave way on the stairs and now its huge", "red_flag.knee_very_swollen"),
    ("my knee gave way on the stairs", "red_flag.knee_keeps_locking"),
    # the inner thighs told as "the inside of my thighs", numb after the back went
    (
        "my back went while lifting the baby and now i cant feel the inside of my thighs properly",
        "red_flag.saddle_or_both_legs_numb",
    ),
    # near fainting with a chest that "felt tight and heavy", away from any word of sport
    (
        "halfway through the match i went dizzy and nearly blacked out, had to sit down, and "
        "my chest felt tight and heavy",
        "red_flag.heart_attack_signs",
    ),
    ("my chest felt tight after bench press, normal?", None),
    # a parent's own back from carrying a toddler on the hip; a child's back that curves
    ("carrying my toddler on my hip all day has my back all twisted up, she hates the pram", None),
    (
        "my 12 year old daughter's back looks curved when she bends over",
        "red_flag.child_back_curve",
    ),
    # the stairs after a first class in years; after a rolled ankle still the flag
    ("first spin class in years and i cant walk down the stairs today, legs are screaming", None),
    ("rolled my ankle and i cant walk down the stairs", "red_flag.cannot_walk_on_it"),
    # a friend's torn tendon told, then a question for oneself that compares with him
    (
        "my mate snapped his achilles at five a side, scared me. what should i stretch before "
        "games so i dont end up like him",
        None,
    ),
    # a jaw that feels locked each morning from grinding: checked, not same-day
    (
        "i grind my teeth and my jaw feels locked when i wake up, any stretches?",
        "red_flag.jaw_locks_at_times",
    ),
    # "can't walk without wincing" after a fall is still the fall
    ("fell off my bike and now i cant walk without wincing", "red_flag.pain_after_fall"),
    # a leg gone weak since this morning, with no workout to explain it
    ("my left leg has gone weak since this morning", "red_flag.limb_gone_weak"),
    # bruised and "can barely put any weight on it" after a fall
    (
        "slipped on the stairs, my ankle is all purple now and i can barely put any weight on it",
        "red_flag.cannot_walk_on_it",
    ),
    # a pop, then bruising and swelling, is a tear, not a clot; a swollen red calf after a
    # flight is still a clot
    (
        "was doing my hamstring stretch and felt a pop at the back of my thigh, now its bruised "
        "and swelling up",
        "red_flag.suspected_tear",
    ),
    ("my calf is swollen and red since my flight home", "red_flag.dvt"),
    # years at a job are no pain's length; a jaw and temples sore from grinding the teeth; a
    # toddler who will not walk anywhere wants carrying; a calf stretch asked for names no
    # calf in trouble, but a swollen calf still does; a squeezing feeling effort brings on
    (
        "barber, 12 years behind the chair, neck and shoulders ache by friday, what stretch",
        None,
    ),
    ("12 years as a chef and my knee has hurt for 3 months", "red_flag.pain_for_months"),
    ("i clench my jaw at night, wake up with sore temples and an achy jaw", None),
    ("im 68, my jaw aches when i chew and my temples are tender", "red_flag.giant_cell_arteritis"),
    ("my 3 year old refuses to walk anywhere so i carry her, my back is killing me", None),
    ("any good calf stretch? long haul flight yesterday, legs feel heavy", None),
    ("a calf stretch please, flew home yesterday, my left calf is swollen", "red_flag.dvt"),
    (
        "i get a squeezing feeling about ten minutes into my jog, it goes when i walk",
        "red_flag.chest_pain_on_effort",
    ),
    ("squeezing in a quick jog before work, best warm up?", None),
    # a job named alone before its length; a documentary about clots; collapsing on the sofa
    # after a shift is no weak foot
    ("hairdresser 20 yrs, my shoulders ache by closing time, whats good", None),
    ("watched a documentary about blood clots, flying next week, seat stretches?", None),
    ("nurse on long shifts, feet throbbing by the end and i collapse on the sofa", None),
    # the head "going to explode", a clot feared now though seen in others, a back broken in
    # a fall, breathless and racing at rest
    (
        "my head feels like it's going to explode, came on suddenly, worst headache ever",
        "red_flag.sudden_severe_headache",
    ),
    ("my calf is swollen and red and hot, i've seen too many DVTs to ignore it", "red_flag.dvt"),
    ("fell off a ladder and i think my back is broken", "red_flag.serious_accident"),
    ("heart racing and breathless just sitting on the sofa", "red_flag.racing_heart_breathless"),
    # a small child not using an arm after a fall; nearly fainting on standing up from the
    # floor in a class (a check, not the emergency of a faint during exercise)
    ("my toddler fell off the sofa and wont move her arm", "red_flag.pain_after_fall"),
    ("i nearly fainted in yoga when i stood up from the floor", "red_flag.dizzy_racing_exercise"),
    ("hurt my neck in a fall and now my vision is blurry", "red_flag.neck_with_nerve_signs"),
    # dizziness the head's position brings on: a check for the inner ear; a head rush that
    # passed is no sign
    ("i get dizzy when i look up, like reaching for a shelf", "red_flag.dizzy_on_position"),
    ("dizzy every time i roll over in bed", "red_flag.dizzy_on_position"),
    ("got a head rush when i tip my head back in the cobra, gone in a sec", None),
    # weeks of an ache that is there at night too; grinding at night is no pain at night
    ("my knee has been aching for about a month, its there at night too", "red_flag.night_pain"),
    (
        "a stressful few weeks, clenching my jaw all day, my face aches by the evening and "
        "i grind at night too",
        None,
    ),
    # groaning down the stairs after a first class is soreness
    ("first spin class on tuesday, still cant get down the stairs without groaning lol", None),
    (
        "crushing chest pain on a heart attack inducing hill, left arm numb",
        "red_flag.heart_attack_unmistakable",
    ),
    # a calf red and hot for days, no pain named; back pain going down both legs
    ("left calf's been hot and red for 3 days, no idea why", "red_flag.dvt"),
    ("lower back pain, and now its going down both my legs", "red_flag.cauda_equina"),
    # pain spreading into the jaw with sweating and sickness, no chest named
    (
        "the ache in my shoulder is going into my jaw and ive gone all clammy and sick",
        "red_flag.heart_attack_signs",
    ),
    # a fever now with a back pain, though an infection in the past is told too
    (
        "upper back aching for 3 days and now ive got a temperature and the shivers, had a "
        "kidney infection years ago. stretch for it?",
        "red_flag.kidney_infection_signs",
    ),
    # fainted, and asks whether stretching is still fine: a GP's look, not exercise's
    ("passed out at home on sunday, can i still stretch?", "red_flag.fainted"),
    ("headache after hitting my head", "red_flag.serious_accident"),
    ("i think i broke my back falling off the roof", "red_flag.serious_accident"),
    ("did some stretches. its been aching for days", "red_flag.pain_days_after_stretching"),
    ("cracked my head on the car door, now im throwing up", "red_flag.serious_accident"),
    ("clashed heads in netball yesterday, headache wont go away", "red_flag.serious_accident"),
    (
        "squat challenge all week, quads wrecked and my pee is darker than normal",
        "red_flag.rhabdomyolysis",
    ),
    # a twisted knee that locks is the knee's own flag, not muscle breakdown
    (
        "twisted my knee at netball, it locked and i cant straighten it, swelled up",
        "red_flag.knee_locked_or_unstable",
    ),
    (
        "bad back since tuesday, then wet myself at work and didnt feel that i needed to go",
        "red_flag.cauda_equina",
    ),
    (
        "had my gallbladder out last week and since this morning im short of breath climbing stairs",
        "red_flag.pulmonary_embolism",
    ),
    ("the lump on my thigh keeps growing", "red_flag.growing_lump"),
    ("theres a lump at the back of my knee, feels full when i squat", "red_flag.painful_lump"),
    (
        "my shoulder slips out of place and clunks back in when i reach overhead",
        "red_flag.joint_keeps_dislocating",
    ),
    (
        "shin pain in the same spot every time i run and now it hurts at night",
        "red_flag.shin_bone_stress",
    ),
    ("always dizzy when i get up off the mat after stretching", "red_flag.dizzy_on_position"),
    ("dizzy every time i look up at high shelves, for weeks now", "red_flag.dizzy_on_position"),
    ("ive had headaches nearly every day for three weeks", "red_flag.daily_headaches"),
    ("stood up too fast once and felt a bit dizzy", None),
    ("got out of bed and fell back down, my legs wouldnt move", "red_flag.nerve_getting_worse"),
    (
        "halfway up the hill my heart was going to pound right out of me, twice the normal pace",
        "red_flag.dizzy_racing_exercise",
    ),
    (
        "headache came on out of nowhere, been sick twice and the light is hurting my eyes",
        "red_flag.meningitis_signs",
    ),
    ("my elbow pain started in march and keeps getting worse", "red_flag.pain_not_improving"),
    # hours of morning stiffness that wakes you at night, for a year: inflammatory back pain,
    # for a GP (night pain that has gone on for months is not a same-day matter)
    (
        "back is stiff for two hours every morning and it wakes me at night, been a year now",
        "red_flag.inflammatory_back_pain",
    ),
    (
        "felt a pop in my finger on a crimp, now swollen and i cant bend it fully",
        "red_flag.suspected_tear",
    ),
    ("my dad is 86, walks with a frame, had a fall in the spring, gentle stretches?", None),
    # forum stories, told the long way round
    (
        "woke up and my left foot just wasnt working, it flopped when i tried to walk",
        "red_flag.nerve_getting_worse",
    ),
    (
        "playing squash, felt like someone had kicked me in the back of the leg, a definite pop",
        "red_flag.suspected_tear",
    ),
    (
        "got light headed on the rowing machine and had to lie down, went ghostly white",
        "red_flag.dizzy_racing_exercise",
    ),
    (
        "headaches come on every time i lift heavy now, have to stop the session",
        "red_flag.headache_on_exertion",
    ),
    (
        "sharp pain between my shoulder blades out of the blue, never felt anything like it",
        "red_flag.aortic_dissection",
    ),
    ("my surgeon says i must not dislocate the new hip, what yoga is ok", None),
    # a cramp that came and went, pins and needles that a position explains and ends
    ("woke with a charley horse in my calf, agony but it did not last long", None),
    ("foot went numb in half lotus, pins and needles as soon as i uncrossed", None),
    ("brief tingle down my arm in the doorway stretch, went as soon as i moved", None),
    ("my feet are not working properly after the long hike, blisters everywhere", None),
    (
        "my hernia popped out and wont go back in, its hard and im being sick",
        "red_flag.hernia_stuck",
    ),
    (
        "lower back aches on the left and it burns when i go to the loo, pee is cloudy",
        "red_flag.kidney_infection_signs",
    ),
    (
        "my son has a temperature and wont put his chin down to his chest",
        "red_flag.meningitis_signs",
    ),
    # a knee that gives way after an old injury is the knee's, not a nerve's
    (
        "since my football injury last season my knee randomly gives way",
        "red_flag.knee_keeps_locking",
    ),
    (
        "elbow has hurt when i grip things since the spring, still going on",
        "red_flag.pain_not_improving",
    ),
    # breathlessness creeping up over weeks with a tight chest: see someone, not 999
    (
        "chest a bit tight and more out of breath walking uphill over the past few weeks",
        "red_flag.chest_pain_on_effort",
    ),
    ("barista here, i hold the portafilter at a funny angle all day and my wrists ache", None),
    # sensations that explain themselves: effort, a warm bath, a position held too long
    ("heart pounding after interval sprints, normal yeah?", None),
    ("my heart keeps skipping beats on my runs lately", "red_flag.dizzy_racing_exercise"),
    ("legs go warm and tingly in the sauna after stretching, lovely", None),
    ("toes tingle if i sit cross legged too long, goes when i move", None),
    ("fell off the paddleboard about fifty times, nothing serious, just achy", None),
    ("slight headache after spin, i did not drink enough", None),
    ("legs sore 3 days after starting a new program, ok to stretch?", None),
    # a sprain that swells over a day is a recent injury, not a tear
    ("went over on my ankle yesterday, bit swollen, can i stretch it", None),
    ("whiplash from a small bump months ago, doctor said soft tissue, neck still stiff", None),
    # "passd" is corrected to "pass": "pass out" is fainting, whatever else the message holds
    ("passd out during hot yoga, ok now, shud i go back tmrw", "red_flag.fainting_exercise"),
    ("im 62 and this back pain is new and getting worse", "red_flag.new_back_pain_over_50"),
    # a number before a unit is a measure, not an age ("80" may be one)
    ("up to 80 miles a week on the bike and my lower back is stiff and getting worse", None),
    ("sudden tearing pain in my chest, like a knife", "red_flag.aortic_dissection"),
    # a stitch is the harmless pain running brings (NHS), however sharp
    ("sharp stitch under my ribs like a knife whenever i run, gone when i walk", None),
    ("if i hold my breath while stretching can i pass out?", None),
    (
        "knee replaced 3 weeks ago, the wound is weeping and red round the edges and i have a "
        "temperature, ok to keep doing my physio stretches?",
        "red_flag.wound_infection",
    ),
    ("had my op years ago and the scar is fine, can i stretch my hip", None),
    (
        "my thighs have ached and felt weak ever since the doctor put me on atorvastatin, what "
        "should i stretch",
        "red_flag.statin_muscle_pain",
    ),
    (
        "our 2 month old always has his head tilted to the left and a flat spot is coming, how "
        "do i stretch his neck",
        "red_flag.baby_neck_or_stretches",
    ),
    ("back aches from carrying the baby around all day, stretches for that", None),
    # "for ages" told of the pain, not of the stretching
    ("my knee has been sore for ages now", "red_flag.pain_for_months"),
    ("does stretching stop soreness? did legs tuesday, stretched for ages after, still sore", None),
    (
        "my heel pain hasnt budged after a month of stretching every day",
        "red_flag.pain_not_improving",
    ),
    (
        "every few runs my heart flutters and skips for a minute then it's back to normal",
        "red_flag.palpitations_keep_coming_back",
    ),
    (
        "whenever i sneeze my back catches and it's been like that for weeks",
        "red_flag.cough_sneeze_pain",
    ),
    # aching all over with a fever or shivering: an infection to rest, not a soreness
    (
        "muscles ache all over, shivering with chills and a high temp, will stretching help",
        "red_flag.fever_aching_all_over",
    ),
    # a word that explains a sign away does not run across a comma: "stroke, my" is no
    # "stroke my" (a caress)
    ("i think im having a stroke, my face is drooping", "red_flag.stroke_signs"),
    # stiffness from a condition of the brain or nerves: a physiotherapist who knows it first
    ("i have MS and my legs are stiff", "red_flag.neuro_condition_stiffness"),
    ("after my stroke 2 years ago my hand is stiff", "red_flag.neuro_condition_stiffness"),
    ("my dad had a stroke years ago, im his carer and my own back gets stiff", None),
    # a sharp pain a sneeze sets off is a disc's, not a tear
    ("sneezing sends a bolt of pain down my back into my leg", "red_flag.cough_sneeze_pain"),
    (
        "my shin went red and hot and the red patch keeps spreading, feel shivery",
        "red_flag.spreading_redness",
    ),
    ("my face goes red and hot after hot yoga, normal?", None),
    (
        "got kicked on the shin at football, it's rock hard and shiny and the pain is getting "
        "worse by the hour",
        "red_flag.compartment_syndrome",
    ),
    ("shin feels tight after my run", None),
    (
        "bad disc in my back and i had an accident, didn't even feel myself going",
        "red_flag.soiling_unnoticed",
    ),
    (
        "my left shoulder aches walking uphill and it goes when i stop",
        "red_flag.chest_pain_exercise",
    ),
    # a calf that aches after an operation or a cramp that will not go in someone who flies
    (
        "had a knee arthroscopy 10 days ago and now there's a deep ache in my calf",
        "red_flag.dvt",
    ),
    ("calf cramp for over a week that won't go, i fly a lot for work", "red_flag.dvt"),
    # pain at night bad enough to get up
    (
        "neck pain so bad at night i have to get up and walk about",
        "red_flag.night_pain_spine",
    ),
    # an old injury that has healed is history, however stiff it still is
    ("rolled my ankle at netball last season, it healed fine but it's still stiff", None),
    ("rolled my ankle yesterday and i cant walk on it", "red_flag.suspected_tear"),
    # look-alikes of red-flag words: an articulated lorry, flopping on the sofa, weight lost
    # on purpose, a drop kick, tingling in a pose that goes when you stop, a rehabbed tear
    ("i drive an artic all week and my hamstrings are like piano wire", None),
    ("after a long shift my back and legs are so stiff i just collapse on the sofa", None),
    ("my knees stopped hurting since i lost weight on purpose last year", None),
    ("how do i get better at the drop kick, my foot keeps slicing it", None),
    ("fingers go a bit tingly in plank, goes away when i stop", None),
    ("tore my hamstring in 2019 and rehabbed it, just after a good stretch now", None),
    # flu told as such is a fever; "my head hurt" a headache
    (
        "had the flu for a few days and now my head hurt and my neck is stiff",
        "red_flag.meningitis_signs",
    ),
    # a condition the message names explains pain that has lasted for years; a sprain is
    # expected to swell and bruise; a fall last winter is history
    (
        "diagnosed with sciatica years ago, it flares up now and then, which stretches help?",
        None,
    ),
    ("sprained my ankle 3 days ago, still swollen and purple, when can i stretch it", None),
    (
        "sprained my ankle yesterday, now it's hot and swollen and i feel feverish",
        "red_flag.spreading_redness",
    ),
    ("im 80 and had a fall last winter, hips are stiff, safe stretches?", None),
    ("my knees have ached for months, im 70", "red_flag.pain_for_months"),
    # signs in more of people's words: accidents not felt, a bike-saddle patch, legs gone to
    # jelly, a face that feels odd, strong-tea urine, a cricket-bat headache, a drooping
    # fingertip, balance going, stiff shoulders over 50, thin bones, walking pain that eases,
    # hands shaken out at night, a chesty cough; and look-alikes that stay quiet
    (
        "had a few accidents this week and didnt even feel them coming, and my back is bad",
        "red_flag.soiling_unnoticed",
    ),
    (
        "numb patch right where a bike saddle sits, since my disc went, though peeing is fine",
        "red_flag.saddle_or_both_legs_numb",
    ),
    (
        "both my legs went to jelly going upstairs and my back has been sore for days",
        "red_flag.cauda_equina",
    ),
    (
        "my left arm has felt heavy and useless since lunch and that side of my face feels odd",
        "red_flag.stroke_signs",
    ),
    (
        "pounding head, stiff neck and ive been sick twice, feel muddled",
        "red_flag.meningitis_signs",
    ),
    (
        "after the marathon my pee is the colour of strong tea",
        "red_flag.rhabdomyolysis_brown_urine",
    ),
    (
        "headache like being hit with a cricket bat during yoga, came on in a second",
        "red_flag.sudden_severe_headache",
    ),
    (
        "jammed my finger in netball and the tip droops, it wont straighten",
        "red_flag.finger_tip_droops",
    ),
    (
        "on long term steroids and my hip has started hurting, im limping",
        "red_flag.steroids_or_weak_immunity",
    ),
    # "years, back" is no "years back" (long ago): a time past is told in one piece
    ("been on steroids for years, back pain", "red_flag.steroids_or_weak_immunity"),
    ("im 74 and keep losing my balance lately", "red_flag.repeated_falls"),
    (
        "im 66 and both shoulders are so stiff every morning i can barely lift my arms, came on over a few weeks",
        "red_flag.shoulders_hips_stiff_over_50",
    ),
    ("the dog pulled me over and i landed on my hip, im 80", "red_flag.pain_after_fall"),
    (
        "sudden bad pain in my back bending over, i have thin bones",
        "red_flag.spine_fragility_fracture",
    ),
    (
        "my calf aches every time i walk to the station and eases off when i stop",
        "red_flag.leg_pain_on_walking",
    ),
    # heavy legs on walking that sitting or leaning forward eases (the spine); calves that go
    # hard and numb in every game (a compartment)
    (
        "after about 5 minutes walking my thighs go heavy and numb, better when i sit for a bit",
        "red_flag.leg_pain_on_walking",
    ),
    (
        "shins and calves go numb every time i run, gone a few minutes after i stop",
        "red_flag.leg_pain_on_walking",
    ),
    ("my hands go numb at night and wake me, i have to shake them out", "red_flag.hand_numbness"),
    (
        "sharp pain in my back when i breathe in, had a chesty cough all week",
        "red_flag.pain_breathing_in",
    ),
    (
        "had an accident in bed last night and my lower back has been bad all week, so embarrassed",
        "red_flag.soiling_unnoticed",
    ),
    ("im 82 and a bit unsteady on my feet, gentle chair stretches?", None),
    ("a bit puffed after running for the bus, calf stretches?", None),
    ("fingers stiff and a bit puffy after my first bouldering session", None),
    # a fall told in any tense; a shoulder out of shape after it
    (
        "my shoulder looks really wrong since coming off my bike this morning",
        "red_flag.deformed_limb",
    ),
    # a swollen joint with feeling unwell; a hot joint nothing explains
    (
        "grazed my knee on sunday, now it's swollen and i feel rubbish and unwell",
        "red_flag.hot_swollen_joint",
    ),
    (
        "warm spot on the side of my knee since yesterday, no injury at all",
        "red_flag.hot_swollen_joint",
    ),
    # a calf that cramped after a long drive and stays, with clots in the family
    (
        "drove 6 hours yesterday and now my left calf has cramped up for 3 days, clots run in my family",
        "red_flag.dvt",
    ),
    # lumps that hurt on a tendon or in the palm; a muscle knot is none
    ("sore lump on the back of my heel where the achilles is", "red_flag.painful_lump"),
    ("got a big knot in my upper back, any stretches?", None),
    # a finger that locks bent; swollen knuckles with stiff mornings
    (
        "my thumb gets stuck bent and then snaps straight, stretches?",
        "red_flag.finger_locks_or_swollen_knuckles",
    ),
    # a replaced joint that has started to clunk, years on
    (
        "my hip replacement is 6 years old and lately it clunks and aches",
        "red_flag.replaced_joint_problem",
    ),
    # a child's uneven shoulder blades, or a limp that lasts
    (
        "my son is 12 and one of his shoulder blades sticks out more than the other",
        "red_flag.child_back_curve",
    ),
    # new daily headaches at 50 or over
    (
        "im 58 and started getting headaches every day, never used to get them",
        "red_flag.new_headaches_over_50",
    ),
    # a spot of the spine that hurts when pressed; hours of morning stiffness that wakes you
    (
        "when i press on the bone itself in my lower back it really hurts",
        "red_flag.bone_stress_spot",
    ),
    (
        "my back is stiff for two hours every morning and has been for over a year, im 27",
        "red_flag.inflammatory_back_pain",
    ),
    # an arm that will not lift past halfway as a shoulder stiffened over months is no
    # stroke; with a face drooping it is, however long the blood pressure was high
    (
        "cant lift my arm out to the side past halfway, my shoulder has been getting stiffer for"
        " months",
        "red_flag.pain_for_months",
    ),
    (
        "had high blood pressure for years and now my face is drooping and i cant lift my arm",
        "red_flag.stroke_signs",
    ),
    # a heart attack without chest pain: between the shoulder blades, breathless and sweaty
    (
        "ache between my shoulder blades, really breathless and sweaty, came on sitting down",
        "red_flag.heart_attack_signs",
    ),
    # a knee that gives way now and then is for a physiotherapist; one locked after a twist,
    # today; a knee giving way is the knee's, not a nerve's
    (
        "my knee gives way randomly on the stairs and sometimes catches",
        "red_flag.knee_keeps_locking",
    ),
    ("my knee keeps giving way when i turn since a tackle", "red_flag.knee_keeps_locking"),
    (
        "twisted my knee at football and now its locked and wont straighten",
        "red_flag.knee_locked_or_unstable",
    ),
    # a jaw that locks now and then and frees is for a GP or dentist; one locked now, today
    (
        "my jaw locks sometimes when i yawn and i have to wiggle it shut",
        "red_flag.jaw_locks_at_times",
    ),
    ("my jaw is locked open and i cant close my mouth", "red_flag.jaw_locked"),
    # light-headed and wobbly some minutes into a hard session
    (
        "pushed and pushed and 20 minutes in i went woozy and wobbly again",
        "red_flag.dizzy_racing_exercise",
    ),
    # a fracture of thin bones told as history is the condition, not a serious accident
    ("had a compression fracture in my spine from thin bones, what stretches now", None),
    # a shoulder stiff for months that the arm barely lifts; two hours of a stiff back each
    # morning that eases with moving; a chest heavy after shovelling snow
    (
        "my shoulder has been stiff for 5 months and i can barely lift my arm now",
        "red_flag.pain_for_months",
    ),
    (
        "my lower back is stiff for 2 hours every morning and eases off once im moving",
        "red_flag.inflammatory_back_pain",
    ),
    ("my chest feels tight and heavy since i was shovelling snow", "red_flag.heart_attack_signs"),
    # a leg gone numb that is new and stays numb is for today; one that woke up again is not;
    # locking that recurs, or giving way since an old injury, is for a GP or physio
    ("my left foot went numb last night and its still numb now", "red_flag.numb_leg_new"),
    (
        "got up this morning and the side of my thigh is numb, never had this",
        "red_flag.numb_leg_new",
    ),
    ("my leg was numb when i woke up but it came back after a minute", None),
    ("my knee locks up on me a few times a month", "red_flag.knee_keeps_locking"),
    ("knee still gives way since i tore a ligament last year", "red_flag.knee_keeps_locking"),
    ("jaw got stuck again yawning, third time this week", "red_flag.jaw_locks_at_times"),
    # one side's arm and leg numb is a stroke's; a jaw clicking for months that locked is a
    # GP's; numbness in both legs on walking that leaning forward eases is not cauda equina;
    # chest tightness now and then on runs is urgent, not an ambulance
    (
        "my left arm and leg went numb this morning and my speech sounds off",
        "red_flag.stroke_signs",
    ),
    (
        "my jaw has clicked for months and today it locked for a minute",
        "red_flag.jaw_locks_at_times",
    ),
    # the spine's narrowing: walking brings it on, leaning forward eases it
    (
        "both legs go numb after walking a few streets, leaning forward on a trolley helps",
        "red_flag.leg_pain_on_walking",
    ),
    (
        "my chest gets tight and now and then i'm out of breath on my runs",
        "red_flag.chest_pain_exercise",
    ),
    ("i get woozy whenever i turn my head quickly", "red_flag.dizzy_on_position"),
    # one calf fatter after a long coach trip, whatever else is fine; a back rounding and
    # shorter than it used to be; a teen limping after every game for months
    (
        "one calf is fatter than the other since the 10 hour coach trip, my breathing is fine",
        "red_flag.dvt",
    ),
    ("im 74 and 3cm shorter than i used to be, back aches", "red_flag.spine_losing_height"),
    ("my 14 year old has limped after every match for months", "red_flag.child_limp"),
    # stiffness that has not shifted in a week, an injury that still stops the sport a month on
    (
        "my lower back has been stiff for over a week and it just won't shift",
        "red_flag.pain_not_improving",
    ),
    (
        "hurt my hamstring sprinting a month ago and still cant get back to running",
        "red_flag.pain_not_improving",
    ),
    ("my hamstrings have been tight all week, any stretches", None),
    # pain that has woken you for months is for a GP, not a same-day matter
    ("my shoulder has woken me most nights for about 3 months", "red_flag.pain_for_months"),
    # a record broken, or a fall only in a simile, is no accident
    ("broke my squat pb last night and my hips are tight today", None),
    ("legs feel like i got hit by a bus after leg day", None),
    # breathless with a sense of doom, whatever the pain
    (
        "cant catch my breath walking to the car and i have this awful feeling of dread",
        "red_flag.heart_attack_signs",
    ),
    # ankles or legs that always puff up a little when flying, both sides, gone by morning
    ("my ankles always get a bit puffy on flights, gone by the morning", None),
    # a dislocation said plainly; an old one is history
    ("think my kneecap just dislocated, it slid to the side", "red_flag.dislocated_joint"),
    # a crushing chest with the arm and sweat is the heart, whatever muscle the writer blames;
    # an arm gone limp of a sudden; a bump sticking up after a fall
    (
        "mid push-up i got a crushing weight on my chest spreading to my left arm and im clammy, did i strain a pec?",
        "red_flag.heart_attack_unmistakable",
    ),
    ("my left arm just went limp out of nowhere, cant lift it", "red_flag.stroke_signs"),
    ("hands go tingly if i sleep on them, gone once i shake them", None),
    # the heart told without chest pain (the jaw and an arm, with sweating or sickness), or as
    # a full chest with an arm
    (
        "my jaw and my left arm both ache and im all sweaty, is it my posture",
        "red_flag.heart_attack_signs",
    ),
    ("weird fullness in my chest and my left arm feels heavy", "red_flag.heart_attack_signs"),
    # someone else not breathing properly; a limb that looks a bit bent after a fall, not one
    # that always has
    (
        "my mate took a knee to the chest at football and hes not breathing right",
        "red_flag.severe_breathlessness",
    ),
    ("came off my scooter and my wrist looks a little bent", "red_flag.deformed_limb"),
    ("my little toe has looked a bit bent since birth, can i stretch it", None),
    # a hip that catches or clicks and hurts; a click alone is the noise's answer
    (
        "deep click in my hip when i squat and then a sharp pinch in the groin",
        "red_flag.hip_catches_with_pain",
    ),
    ("my hip clicks when i lift my leg but doesnt hurt at all", None),
    # a pose says where it happened, not that nothing did
    (
        "shoulder came out during a deep yoga bind, looks weird and i cant lift my arm",
        "red_flag.dislocated_joint",
    ),
    ("dislocated my elbow as a kid, can i stretch my arms", None),
    # a strain that keeps coming back, twitching that lasts, height lost with thin bones
    (
        "pulled my hamstring again, that's the fourth time since spring",
        "red_flag.injury_keeps_coming_back",
    ),
    ("tore through my to-do list today, back is stiff now", None),
    (
        "for weeks my thigh muscles have been twitching all the time even lying still",
        "red_flag.twitching_that_lasts",
    ),
    ("my calf twitches a bit while i hold the stretch", None),
    # carpal tunnel's fingers at night are a GP's, not night pain's; a jaw stuck for a minute
    # that freed itself is a GP's; a back sore from moving house is no flag
    (
        "my thumb and first two fingers go numb on and off, worse at night",
        "red_flag.hand_numbness",
    ),
    (
        "jaw got stuck open for a minute this morning then it went back",
        "red_flag.jaw_locks_at_times",
    ),
    ("lower back sore for a week since moving house, any stretches", None),
    # weight lost without trying, written with its unit; a joint out again and again; after a
    # second baby; the muscle pump and a stretch not felt are no red flags
    ("dropped like 8kg without even trying and my back aches", "red_flag.cancer_weight_loss"),
    ("lost 4kg on purpose and my back feels better", None),
    ("my kneecap has popped out 4 times this year", "red_flag.joint_keeps_dislocating"),
    ("calves swollen after calf raises, the pump is real", None),
    ("i cant feel my quads stretching at all, is that bad", None),
    # tingling in both hands and both feet is the nerves of the limbs, for a GP; not the
    # spine's base (an emergency) nor one hand's carpal tunnel
    (
        "i get tingling in both hands and feet now and then, is that normal",
        "red_flag.numb_hands_and_feet",
    ),
    ("my fingers and toes have been numb and prickly for weeks", "red_flag.numb_hands_and_feet"),
    ("numb hands and feet after my ice bath, normal?", None),
    ("shivering after my ice bath and my legs ache", None),
    ("aching all over after my first crossfit class", None),
    ("both my legs are numb and my back is killing me", "red_flag.saddle_or_both_legs_numb"),
    # exhaustion laughed off, gasping on intervals, a figurative heart attack: no red flag
    ("leg day killed me lol i cant feel my legs", None),
    ("heart pounding and gasping after the hill sprints, how do i cool down", None),
    ("the dog nearly gave me a heart attack jumping out, anyway neck stretch?", None),
    ("fingers go numb in the cold on my bike but warm up after", None),
    # recurring or explained signs step down: dizzy each time on standing from the floor is a
    # GP's, a knee that buckles now and then a physio's, calf swelling that comes and goes is
    # no muscle breakdown
    (
        "i keep getting dizzy when i stand up from floor stretches",
        "red_flag.dizzy_on_position",
    ),
    (
        "my knee gives way now and then and when that happens i cant put weight on it",
        "red_flag.knee_keeps_locking",
    ),
    ("my right calf swells up sometimes after a run", "red_flag.dvt"),
    # angina told as a tight chest up a hill that eased when slowing down; a calf like a golf
    # ball after hours in the car with clots in the family; the zap on bending the neck
    (
        "chest goes tight up the hill on my runs and it stops once i slow down",
        "red_flag.chest_pain_exercise",
    ),
    (
        "calf feels like a golf ball after 6 hrs in the car and we have a history of blood clots",
        "red_flag.dvt",
    ),
    (
        "bending my head down sends an electric zap down my spine",
        "red_flag.electric_zap_bending_neck",
    ),
    (
        "my mum has osteopenia and she's getting shorter, is stretching ok",
        "red_flag.spine_losing_height",
    ),
    (
        "my chest is tight and my heart pounds whenever i train, its been going on a while",
        "red_flag.chest_pain_exercise",
    ),
    ("pecs tight all day after chest day", None),
    # sciatica in both legs and a bladder that will not start; a numb seat that has not gone
    # this time, with trouble peeing, though it used to pass
    ("my sciatica is down both legs now and my pee wont start", "red_flag.cauda_equina"),
    (
        "i used to get a numb bum cycling but this time it has not gone and im struggling to pee",
        "red_flag.cauda_equina",
    ),
    # bone seen pushing at the skin; a leg that looks shorter and will not move after a clunk
    ("rolled my ankle and i can see the bone pushing at the skin", "red_flag.deformed_limb"),
    ("my hip clunked and now that leg looks shorter and i cant move it", "red_flag.deformed_limb"),
    # a crushing feeling behind the breast bone
    ("crushing feeling behind my breast bone on the stairs", "red_flag.heart_attack_signs"),
    # a sore neck and a grip that is going
    (
        "sore neck all week and now i keep dropping things with my left hand",
        "red_flag.neck_with_nerve_signs",
    ),
    # "can barely walk" after an injury; after a long run it is soreness
    (
        "dropped a heavy box on my foot, its purple and i can barely walk",
        "red_flag.cannot_walk_on_it",
    ),
    ("legs are so sore after the long run i can barely walk", None),
    # shins sore along their edge are shin splints; sore to touch and at rest, the bone
    ("my shins are sore when i start running and sore to touch, should i rest a week", None),
    ("my shin is sore to touch and getting worse every run", "red_flag.shin_bone_stress"),
    ("my shin hurts in one spot on the bone", "red_flag.shin_bone_stress"),
    # reaching to touch the floor is no spot of the spine that hurts to touch
    (
        "bending to touch the floor my lower back and the bottom vertebrae dont want to bend",
        None,
    ),
    # days of soreness after runs, with a stretch in passing: not a stretch that hurt
    (
        "my calves get tight during my run and stay tender for a few days after, even with a"
        " stretch and a hot bath",
        None,
    ),
    # a limb that lost its power, told with back or neck pain, without the word "weak"
    (
        "i have zero power in my right arm since tweaking my neck",
        "red_flag.weak_limb_with_spine_pain",
    ),
    ("lower back pain and now my leg feels like jelly", "red_flag.weak_limb_with_spine_pain"),
    ("my leg buckles under me since the disc thing", "red_flag.nerve_getting_worse"),
    ("did heel raises, the left side wont lift at all but the other is fine", "red_flag.foot_drop"),
    ("do weak glutes cause lower back pain", None),
    ("my legs feel weak after leg day and my back is sore, normal?", None),
    ("numb toes from my ski boot buckles", None),
    # swelling after a challenge; a sudden headache told as a thunderbolt; effort uphill
    (
        "went hard on the pull-up challenge and my forearms have blown up like balloons, really"
        " painful",
        "red_flag.rhabdomyolysis_swollen",
    ),
    ("headache hit me like a thunderbolt during my workout", "red_flag.sudden_severe_headache"),
    ("my chest goes tight every time i walk the dog uphill", "red_flag.chest_pain_on_effort"),
    ("my calves get tight walking uphill", None),
    ("shivering and sweating with a really painful back", "red_flag.fever_back_neck"),
    # a limp for weeks, a jaw that clicks and hurts for weeks, a lump that won't go back in
    ("been limping for weeks since i rolled my ankle", "red_flag.limp_for_weeks"),
    ("i was limping for weeks after my marathon but it's fine now", None),
    ("my jaw clicks and hurts when i chew, for weeks", "red_flag.jaw_locks_at_times"),
    ("jaw clicks when i chew but it doesn't hurt", None),
    ("lump in my groin that hurts and wont go back in", "red_flag.hernia_stuck"),
    # weeks of pain that now stops a run or a walk; an injury that keeps coming back; the
    # vision going dark coming out of a backbend, again and again
    (
        "my knee has ached for 3 weeks and now i cant even run a mile",
        "red_flag.pain_stops_activity",
    ),
    ("my heel pain stops me walking the dog now, been a month", "red_flag.pain_stops_activity"),
    ("my calves have been tight for weeks and i cant run as fast", None),
    ("tennis elbow came back again after i started playing", "red_flag.injury_keeps_coming_back"),
    (
        "my shoulder keeps flaring up every few weeks, same spot",
        "red_flag.injury_keeps_coming_back",
    ),
    (
        "everything goes dark for a second when i come out of a backbend, happens a lot",
        "red_flag.dizzy_on_position",
    ),
    ("got a head rush standing up too fast once", None),
    # a faint that already happened, outside exercise; "passed out" on the sofa is sleep
    ("i passed out in the queue at the shops yesterday", "red_flag.fainted"),
    ("my friend fainted at the bus stop this morning", "red_flag.fainted"),
    ("fainted during my spin class", "red_flag.fainting_exercise"),
    ("passed out on the couch after leg day, what should i stretch", None),
    ("so tired i could faint, quick morning stretch please", None),
    # a disc bulge is no swelling; the back of a thigh is no back
    ("disc bulge at L4, my leg hurts when i stretch", "condition.herniated_disc"),
    ("heard a pop at the back of my thigh and went down, bruised now", "red_flag.suspected_tear"),
    # a "pulled" calf and then chest pain on breathing in: a clot that moved
    (
        "pulled my calf on tuesday and now it stabs in my chest when i breathe in",
        "red_flag.pulmonary_embolism",
    ),
    # sciatica and a weak leg; the inflammatory pattern of morning back stiffness
    ("shooting pain down my leg and that leg has gone weak", "red_flag.weak_limb_with_spine_pain"),
    (
        "back stiff every morning for months, eases once i move, worse when i rest",
        "red_flag.inflammatory_back_pain",
    ),
    ("pulled my groin at football 3 days ago, it hurts, when can i stretch it", None),
    ("nearly pass out every time i get up off the mat", "red_flag.dizzy_on_position"),
    # effort brings it on, rest ends it, with sickness or a sweat: the heart's pattern
    (
        "my upper back aches when i hurry for the bus, i go clammy, it settles when i stop",
        "red_flag.chest_pain_on_effort",
    ),
    ("my calves burn up the stairs but it goes off when i stop", None),
    # an ache all night for weeks; the night after a marathon is soreness
    ("my elbow has ached all night for weeks now", "red_flag.night_pain"),
    ("legs ached all night after my first marathon", None),
    # an old injury that is back now is no history
    (
        "shoulder injury from years ago is back, sore for a month, cant lift my arm overhead",
        "red_flag.pain_for_months",
    ),
    # one half of the body gone heavy or weak: a stroke; a side plank or a night on it is not
    ("suddenly my right side feels heavy and wrong", "red_flag.stroke_signs"),
    ("my left side feels weak in side planks", None),
    # a swelling after a fall is the fall's, not rhabdomyolysis; a new knee that still will
    # not bend far weeks after the operation goes back to the surgical team
    (
        "my son fell on his wrist at football, its swollen and really sore",
        "red_flag.suspected_tear",
    ),
    (
        "new knee put in 2 months ago, still cant bend it far after physio",
        "red_flag.stiff_after_joint_replacement",
    ),
    ("knee replacement 6 weeks ago, stiff but getting better every week", None),
    # walking cut short is not a leg that takes no weight
    ("since my hip op i cant walk far without a rest", None),
    # a fall down steps; a spine already scanned and braced is an injury being treated
    (
        "slid down the stairs on my back last night and cant stand up straight",
        "red_flag.pain_after_fall",
    ),
    (
        "fell off a ladder last week, ct showed a small fracture, im in a back brace now",
        "condition.recent_injury",
    ),
    # chest pain that started in a stretch and spreads to the arm with a sweat: the heart
    (
        "i was stretching and my chest started hurting, now my left arm aches and im clammy",
        "red_flag.heart_attack_signs",
    ),
    # a stiff neck and a headache after a day at a screen is tension; with vomiting, meningitis
    ("stiff neck and headache after a day of staring at my laptop", None),
    ("stiff neck, awful headache and ive been throwing up", "red_flag.meningitis_signs"),
    # a lump that won't push back in; height lost in inches; an injury already in a boot
    ("groin lump is hard and wont push back in, it hurts", "red_flag.hernia_stuck"),
    ("lost an inch in height in two years and my back is rounding", "red_flag.spine_losing_height"),
    (
        "tore my calf last week, in a walking boot now, what can i stretch",
        None,
    ),
    # a young back worst first thing, waking in the early hours, easing with moving about
    (
        "im 27, my low back wakes me at 5am and is worst first thing, eases once i get moving",
        "red_flag.inflammatory_back_pain",
    ),
    # knees jammed against a seat are no locked knee; a height is no age
    ("im 6'2 and my knees are jammed into the seat in front on flights", None),
    # a known cause of dizziness on standing is no dizziness from exercise
    ("i have pots so i get dizzy if i stand up too fast, is yoga ok", "general.head_rush"),
    # a time of effort with words between: "on faster runs", "midway through a race"
    (
        "i get chest tightness on faster runs, it eases after 30 seconds",
        "red_flag.chest_pain_exercise",
    ),
    ("tightness in my chest midway through a race", "red_flag.chest_pain_exercise"),
    ("my calves get tight on long runs", None),
    # sweats that soak the bed, with back pain
    ("back pain and ive been waking up drenched for weeks", "red_flag.cancer_weight_loss"),
    ("drenched in sweat after my workout, back feels tight", None),
    # a dent in a muscle after a pop is a tear; a dent in a bone after a fall, a deformity
    (
        "felt something go in my hamstring sprinting, now theres a bruise and a dent in the muscle",
        "red_flag.suspected_tear",
    ),
    ("fell on my wrist and theres a dent in it", "red_flag.deformed_limb"),
    # someone else collapsed; a sudden headache in other words; the arm and shoulder with
    # breathlessness and a cold sweat; a fall landed on; one side heavy
    ("my friend collapsed and isnt responding", "red_flag.someone_collapsed"),
    (
        "my mate's just gone down, he's not answering properly and he's grey",
        "red_flag.someone_collapsed",
    ),
    ("my friend is not responding to my texts, i collapsed on the sofa", None),
    # an arm someone can't lift "very high" is a range a stiff shoulder limits; one that
    # suddenly won't lift at all may be a stroke
    ("my mum cant lift her arm very high, gentle shoulder stretch?", None),
    ("grandad suddenly cant lift his arm", "red_flag.arm_will_not_lift"),
    # a minor crash with a sore or stiff neck is whiplash, checked soon; with signs of the
    # nerves, an emergency
    (
        "someone shunted me at the lights yesterday, neck's sore now",
        "red_flag.whiplash_after_a_crash",
    ),
    ("got rear ended last night and my neck is stiff", "red_flag.whiplash_after_a_crash"),
    (
        "rear ended this morning, neck stiff and my left arm is tingling",
        "red_flag.serious_accident",
    ),
    # a squeezed chest with sweat and sickness, whatever muscle it is put down to
    (
        "chest feels squeezy and im clammy and a bit sick, pulled a pec benching earlier?",
        "red_flag.heart_attack_unmistakable",
    ),
    # dizzy each time on standing, for days or nearly falling; one head rush is no flag
    (
        "dizzy every time i get up for the last few days, almost fell over in the kitchen",
        "red_flag.dizzy_on_standing_again",
    ),
    ("got a head rush standing up too fast, nearly fell lol", None),
    # a hand still weak days after sleeping on the arm; numb for a moment is no flag
    (
        "fell asleep on my arm on the sofa and 3 days later my hand is still weak, keep "
        "dropping things",
        "red_flag.hand_numb_or_weak_for_days",
    ),
    ("slept on my arm and its numb lol", None),
    # a knot that grows is no muscle knot; a baby bump that grows is no lump
    ("found a hard knot in my calf and its got bigger over a month", "red_flag.growing_lump"),
    ("my bump is getting bigger, safe stretches at 25 weeks?", None),
    # someone else collapsing now is a call first, before the writer knows more; not one
    # flopping onto the sofa, nor a company folding
    ("my nan has just collapsed in the kitchen, what do i do", "red_flag.someone_just_collapsed"),
    ("my uncle keeled over at the allotment", "red_flag.someone_just_collapsed"),
    (
        "my wife collapsed at her stretching class and shes not waking up properly",
        "red_flag.someone_collapsed",
    ),
    ("my flatmate collapsed on the sofa after his night shift, his back is stiff", None),
    ("my dads company collapsed and he is stressed, neck stretches for him", None),
    # sight gone in one eye without the word for sight; waters breaking without "pregnant",
    # or with the weeks shortened; a headache that bending over brings on
    (
        "my left eye went blind for a minute while i was in a shoulder stand",
        "red_flag.stroke_signs",
    ),
    ("blind in my right eye since i was born, can i do yoga", None),
    ("pretty sure my waters just broke", "red_flag.pregnancy_bleeding"),
    (
        "36 wks, a gush of fluid came out when i stood up from my stretch",
        "red_flag.pregnancy_bleeding",
    ),
    (
        "new headache whenever i bend down to tie my shoes, started last week",
        "red_flag.headache_on_exertion",
    ),
    # blackout curtains are no blackout
    ("night shift worker, blackout blinds up, neck stiff, something to help me sleep", None),
    # a crush told in other words, swelling "tight and swollen", pain past the knock
    (
        "a crate fell onto my shin at the warehouse, its tight and swollen and the pain is way worse than it should be",
        "red_flag.compartment_syndrome",
    ),
    # a swimmer's weak kick is technique, not a weak foot
    ("swimmer here, my flutter kick is weak and my ankles are stiff, stretches?", None),
    # a child's back rounding in a toe touch, put down to tight hamstrings, is them; curving
    # to one side is the sign of scoliosis
    (
        "my 11 year old's back goes all curved when she reaches for her toes, tight hamstrings?",
        None,
    ),
    ("my daughter's spine curves to one side when she bends forward", "red_flag.child_back_curve"),
    # both hands tingling with things dropped and walking gone unsteady: the spinal cord
    (
        "pins and needles in both hands for a while, i keep dropping my keys and im unsteady walking",
        "red_flag.neck_with_nerve_signs",
    ),
    ("tried it and now ive got a sudden horrendous headache", "red_flag.sudden_severe_headache"),
    (
        "my left shoulder hurts, came on while mowing, and im short of breath and clammy",
        "red_flag.heart_attack_signs",
    ),
    ("left shoulder tight after the gym, sweaty and out of breath from the workout", None),
    ("i fell down the stairs and landed on my back", "red_flag.pain_after_fall"),
    ("landed on my feet after the jump, calves tight", None),
    ("the room is spinning, her left arm and leg feel heavy", "red_flag.stroke_signs"),
    ("my feet ache after a day in flip flops", None),
    # wobbling in a balance stretch is the stretch
    ("standing quad stretch but i keep wobbling and losing my balance", None),
    ("i keep losing my balance lately and fell twice", "red_flag.repeated_falls"),
    # checked and cleared: history, unless something is happening now
    ("my calf was swollen after my flight but the scan came back clear, can i stretch it", None),
    (
        "my calf is swollen and hot, no clot on the scan but now its worse and my chest hurts",
        "red_flag.pulmonary_embolism",
    ),
    # ankle circles under a desk are no ankle going over; a back that won't straighten
    # after kneeling is no knee locking
    ("on my feet all day and i keep rolling my ankles round under the desk, arches tight", None),
    ("spent the day weeding on my knees, now my back won't straighten for a minute", None),
    # "worse" comparing one side with the other is no pain getting worse
    ("my calves have been tight for a few months when i run, right leg worse, why", None),
    ("knee pain for 6 weeks and it keeps getting worse", "red_flag.pain_not_improving"),
    # years of a back that flares up now and then after the same thing is not new back pain
    ("im 55, my lower back has been tight on and off for years, flares up after gardening", None),
]


@pytest.mark.parametrize(("message", "flag"), SIGNS_IN_OWN_WORDS)
def test_a_sign_told_in_own_words_raises_its_flag_or_none(brain, message, flag):
    reply = brain.reply(message)
    if flag is None:
        assert reply.kind != "red_flag", reply.intent
    else:
        assert reply.intent == flag


def _intents(brain: Brain, *messages: str) -> list[str]:
    """The intents of the replies to `messages`, each read with the reply before."""
    return [reply.intent for reply in converse(brain, *messages)]


def test_a_concern_told_over_several_messages_counts_together(brain: Brain):
    """While the replies are red flags, what each message told counts together: a swollen
    calf, then a flight, then breathlessness is a possible clot in the lung."""
    intents = _intents(
        brain,
        "best calf stretch?",
        "the right one is properly swollen compared to the left, and warm",
        "flew back from dubai on monday if that matters",
        "bit short of breath going up the stairs today too now i think about it",
    )
    assert intents[1:] == ["red_flag.dvt", "red_flag.dvt", "red_flag.pulmonary_embolism"]


def test_after_a_red_flag_more_of_it_keeps_the_flag_and_nothing_else_does(brain: Brain):
    told = _intents(
        brain,
        "stretch for shins? theyre tight",
        "actually its more that my foot slaps down and i trip on the kerb",
        "it started after my back went last week",
    )
    assert told[1].startswith("red_flag.") and told[2].startswith("red_flag.")
    assert _intents(brain, "my calf is swollen and hot", "ok thanks")[1] == "smalltalk.thanks"
    assert _intents(brain, "my calf is swollen and hot", "it's fine now actually")[1] == "fallback"


def test_an_ache_that_effort_brings_on_in_the_jaw_and_shoulder(brain: Brain):
    intents = _intents(
        brain,
        "shoulder stretch",
        "left shoulder and jaw ache",
        "it comes on when i walk fast and i get sweaty and sick with it",
    )
    assert intents[2] == "red_flag.chest_pain_on_effort"


def test_a_softened_cannot_is_a_cannot(brain: Brain):
    reply = brain.reply("cant actually put weight on it and theres a tender lump on the bone")
    assert reply.intent == "red_flag.cannot_walk_on_it"


@pytest.mark.parametrize(
    ("messages", "intent"),
    [
        (
            (
                "my dad is 78 with osteoporosis",
                "hamstring stretch for him?",
                "anything he should avoid?",
            ),
            "condition.osteoporosis",
        ),
        (
            ("im hypermobile and my hips feel tight", "should i push further then?"),
            "condition.hypermobility",
        ),
        # a question the condition does not change is answered as itself
        (("im 70 and stiff", "is it safe to stretch every day"), "general.every_day"),
        # the condition told in the same message asks for its routine, not its advice again
        (("pregnant, safe stretches?",), "routine.pregnancy"),
    ],
)
def test_a_question_after_a_condition_was_told_gets_its_advice(brain, messages, intent):
    assert _intents(brain, *messages)[-1] == intent


@pytest.mark.parametrize(
    ("messages", "intent"),
    [
        # another area asked about starts afresh: the shoulders' tightness and the arm told
        # before are no chest pain spreading to the arm
        (
            (
                "swim 3x a week and my shoulders feel tight, hard to get my arm up out of the "
                "water",
                "what about my chest",
            ),
            "chest.stretch",
        ),
        # ... though a sign it tells of its own still counts
        (("my back hurts", "what about my legs, both numb"), "red_flag.numb_both_legs"),
        (("my calf is tight", "what about the other one, its swollen and hot"), "red_flag.dvt"),
    ],
)
def test_another_area_asked_about_does_not_carry_the_signs_before(brain, messages, intent):
    assert _intents(brain, *messages)[-1] == intent


@pytest.mark.parametrize(
    "messages",
    [
        # sweating stopped with confusion, however mildly put: heatstroke
        (
            "cooldown after my run?",
            "feel a bit confused and i've stopped sweating, head's pounding",
        ),
        # a heavy ache in the left shoulder with sweating and sickness: the heart
        (
            "stretches for my shoulder?",
            "the left one, came on while i was mowing the lawn",
            "it's a heavy ache really, and i'm sweaty and feel sick",
        ),
        # an ache that climbs into the jaw, with sweat and sickness: the heart
        (
            "something for my left shoulder please",
            "not like a muscle, it's going up into my jaw and i'm clammy and feel sick",
        ),
        # ... or any pain there that came on with a sudden sweat and sickness, still there
        (
            "stretch for my shoulders pls",
            "it started when i was carrying the shopping in, went all clammy and nauseous, "
            "still there now",
        ),
        (
            "my left arm aches, anything to ease it",
            "came on about 20 min ago, i broke out in a cold sweat and feel sick",
        ),
        # what the flag's message told counts with what follows while the replies are red
        # flags: a fall, then a leg that looks shorter and turned out (a broken hip); a blow to
        # the head, then sickness and drowsiness
        (
            "my grandma is 88 and she tripped on the rug earlier",
            "can she do some easy stretches",
            "her hip is sore and her foot is turned out and that leg looks shorter",
        ),
        (
            "banged my head on a cupboard door",
            "my neck is a bit stiff, stretches?",
            "been sick twice since and i feel really drowsy",
        ),
        # an excuse told as only part of it ("not just after cycling") explains nothing away
        (
            "my bum and the insides of my thighs have gone numb, not just after cycling, all the time",
        ),
        # a long flight, then breathless on a short walk with a stab on a deep breath (a clot
        # in the lung); a fall, then a blow to the head told late, with fogginess and sickness
        (
            "flew home from sydney on tuesday, any stretches for stiff legs",
            "now i'm getting puffed walking up the hall and it stabs when i breathe in",
        ),
        (
            "crashed my bike yesterday, grazed my elbow",
            "hip is stiff, any stretch?",
            "i did bang my head too, feel foggy today and threw up",
        ),
        # a tight chest, then it getting worse and spreading to the back
        ("chest feels tight this evening", "it's getting worse and spreading to my back now"),
        # chemotherapy told first, then a temperature and shivers: an infection that can turn
        # to sepsis; an allergy's trigger, then the lips and throat swelling
        (
            "having chemo for bowel cancer, any gentle stretches i can do",
            "woke up shivery and my temp is up",
        ),
        (
            "had a prawn sandwich then went for a jog",
            "my lips are puffing up and my throat feels funny",
        ),
        # a stiff neck, then a pounding head with bright light and hot-cold spells: meningitis
        (
            "my neck's really stiff today",
            "head is banging and i've been freezing then boiling since last night",
        ),
    ],
)
def test_an_emergency_told_over_a_conversation_is_one(brain, messages):
    reply = converse(brain, *messages)[-1]
    assert reply.kind == "red_flag"
    assert brain.kb.red_flags[reply.intent.split(".", 1)[1]].level == "emergency"


@pytest.mark.parametrize(
    ("flag", "message", "backed"),
    [
        ("my chest feels crushed and the pain goes down my left arm", "ringing them now", True),
        ("my calf is swollen and red since the flight home", "ok heading to a&e", True),
        ("my calf is swollen and red since the flight home", "on my way to the hospital", True),
        ("my calf is swollen and red since the flight home", "got a gp appointment booked", True),
        ("my calf is swollen and red since the flight home", "off now", True),
        # a question, a refusal or something else to do is no care on its way
        ("my calf is swollen and red since the flight home", "should i go to a&e?", False),
        ("my calf is swollen and red since the flight home", "not going to the doctor", False),
        ("my calf is swollen and red since the flight home", "going to stretch it now", False),
        ("my calf is swollen and red since the flight home", "going to the gym now", False),
    ],
)
def test_care_on_its_way_after_a_red_flag_is_backed(brain, flag, message, backed):
    first, reply = converse(brain, flag, message)
    assert first.kind == "red_flag"
    said = " ".join(str(b.text) for b in reply.blocks)
    assert ("right call" in said) is backed
    if backed:
        assert reply.intent == "smalltalk.acknowledge" and not reply.actions


def test_asking_to_carry_on_after_a_red_flag_gets_it_again(brain):
    intents = _intents(
        brain,
        "felt faint and my chest went fluttery on the bike today, had to stop",
        "maybe i should just go easier next session?",
    )
    assert intents[0].startswith("red_flag.") and intents[1] == intents[0]


@pytest.mark.parametrize(
    ("messages", "condition"),
    [
        (
            ("knee stretches after surgery?", "its the new one, had it done in march"),
            "knee_replacement",
        ),
        (
            ("ankle stretches?", "went over on it playing netball, its swollen and bruised"),
            "recent_injury",
        ),
        (
            (
                "hamstring stretch please",
                "its only my right leg and it runs all the way down to my foot",
            ),
            "sciatica",
        ),
    ],
)
def test_a_condition_told_after_an_area_keeps_to_it(brain, messages, condition):
    reply = converse(brain, *messages)[-1]
    assert reply.kind != "red_flag" and condition in reply.conditions


def test_after_a_red_flag_a_message_that_tells_no_new_sign_is_answered_as_itself(brain):
    replies = converse(
        brain,
        "my left leg went numb this morning and it still feels numb",
        "i boulder a lot and my forearms get pumped, what should i do before climbing",
        "why are my calves tight",
        "thanks! how often should i do these",
    )
    assert replies[0].intent == "red_flag.numb_leg_new"
    assert [r.intent for r in replies[1:]] == [
        "routine.warmup_climbing",
        "calves.why_tight",
        "calves.when",
    ]


def test_after_a_red_flag_a_new_sign_still_raises_the_more_urgent_one(brain):
    first, then = converse(brain, "my calf is swollen and hot", "and now im short of breath")
    assert first.intent == "red_flag.dvt" and then.intent == "red_flag.pulmonary_embolism"


def test_asking_how_to_stretch_after_soreness_that_lasted_days_is_no_red_flag(brain):
    reply = converse(
        brain,
        "my calves ache on every run and stay tender for a few days after",
        "ok how do i stretch them",
    )[-1]
    assert reply.kind == "stretch" and reply.topic == "calves"


def test_how_to_stretch_an_area_safely_with_a_condition_is_its_stretch_with_the_care(brain):
    first, reply = converse(
        brain,
        "im 72, why is it getting harder to turn my head when i reverse the car",
        "how do i stretch it safely",
    )
    assert first.intent == "neck.why_tight" and "older_adults" in first.conditions
    assert reply.intent == "neck.stretch" and "older_adults" in reply.conditions


def test_a_question_whether_something_is_ok_carries_the_condition(brain):
    reply = converse(brain, "my mum has osteoporosis", "are toe touches ok for her")[-1]
    assert reply.intent == "general.touch_toes" and reply.conditions == ("osteoporosis",)


@pytest.mark.parametrize(
    ("message", "weeks"),
    [
        ("knee pain for 3 months", 3 * 4.3),
        ("it is been weeks", 3.0),
        ("tailbone still hurts 2 months after i fell on it", 2 * 4.3),
        ("been a year and it is getting worse", 52.0),
        ("groin ache for a year and a half", 78.0),
        ("6wks of heel pain", 6.0),
        ("for the past few months my back aches", 3 * 4.3),
        ("been going on 4 months now", 4 * 4.3),
        ("my back has been playing up for months", 3 * 4.3),
        ("tennis elbow for 4 months", 4 * 4.3),
        # not how long something has lasted
        ("im 20 weeks pregnant", None),
        ("my baby is 6 weeks old", None),
        ("i have a race in 8 weeks", None),
        ("i stretch 3 times a week", None),
        ("once a month i do yoga", None),
        ("2 days a week at the gym", None),
        # how long the person has done something, in a clause that tells of no pain
        ("been running for about 2 years but lately my calves tighten", None),
        ("started lifting 3 months ago and my knee hurts", None),
        ("worked in a warehouse for 10 years and my back hurts", None),
        ("been a nurse for 15 years and my feet ache", None),
        ("my son has been playing football for 2 years and his knees ache", None),
    ],
)
def test_a_length_of_time_is_read_as_how_long_something_has_lasted(message, weeks):
    from bot.safety import stated_lasting

    found = stated_lasting(message.split(), body={"knee", "elbow", "back", "groin", "heel"})
    assert found == pytest.approx(weeks) if weeks is not None else found is None, found


@pytest.mark.parametrize(
    ("message", "level"),
    [
        (
            "groin pain when i put my socks on, been a year and it is getting worse",
            "see_professional",
        ),
        ("my knee has hurt for 7 months, what stretches", "see_professional"),
        ("ive had this ache in my hip for eighteen months", "see_professional"),
        ("had a headache every day for weeks along with my stiff neck", "see_professional"),
        # a length that is not the pain's
        ("ive worked in a warehouse for 10 years and my back aches after long shifts", "none"),
        ("im a hairdresser for 20 years now and my neck aches at the end of the day", "none"),
        ("training for a half marathon in 8 weeks and my calves ache", "none"),
    ],
)
def test_pain_that_has_lasted_is_read_from_any_length_of_time(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


def test_a_symptom_includes_the_symptoms_it_names(tmp_path: Path):
    from conftest import mini_kb_files

    files = mini_kb_files()
    safety = files["red_flags.yaml"]
    safety["symptoms"] += [
        {"id": "long_time", "terms": ["$lasted_months", "ages now"]},
        {"id": "lingering", "terms": ["$long_time"]},
    ]
    safety["red_flags"].append(
        {
            "id": "lasting_pain",
            "level": "see_professional",
            "title": "Lasting pain",
            "message": "Pain that lasts needs a look.",
            "patterns": [[["$lingering"], ["$pain"]]],
            "sources": ["Test source"],
        }
    )
    _write(tmp_path, files)
    brain = Brain(load_kb(tmp_path))
    assert brain.reply("my knee hurts, been 3 months").intent == "red_flag.lasting_pain"
    assert brain.reply("my knee hurts, been ages now").intent == "red_flag.lasting_pain"
    assert brain.reply("my knee hurts, since last week").kind != "red_flag"
    safety["symptoms"][-1]["terms"] = ["$no_such_symptom"]
    _write(tmp_path, files)
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    assert "unknown symptom 'no_such_symptom'" in "\n".join(error.value.errors)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("the numbness in my foot is getting worse", "numbness_getting_worse"),
        ("numb toes and it's getting worse every day", "numbness_getting_worse"),
        # what brings it on, not a nerve getting worse
        (
            "numbness down to my foot and it's worse when i sneeze or cough",
            "cough_sneeze_pain",
        ),
    ],
)
def test_worse_when_something_brings_it_on_is_not_getting_worse(brain, message, flag):
    assert brain.reply(message).intent == f"red_flag.{flag}"


@pytest.mark.parametrize(
    ("symptom", "pattern", "counts", "does_not"),
    [
        # words right after a term: "worse when i sit" tells what brings it on
        (
            {"id": "worse", "terms": ["worse"], "not_before": ["when", "if"]},
            [["$worse"], ["numb"]],
            ["my foot is numb and getting worse"],
            ["my foot is numb, worse when i sit"],
        ),
        # words up to three before a term: "like i fell down" is a figure of speech
        (
            {"id": "fall", "terms": ["fell down"], "not_after": ["like"]},
            [["$fall"], ["$pain"]],
            ["i fell down and it hurts", "it hurts like mad ever since the day i fell down"],
            ["it hurts like i fell down the stairs"],
        ),
    ],
)
def test_a_symptoms_context_words_keep_its_term_from_counting(
    tmp_path: Path, symptom: dict, pattern: list, counts: list, does_not: list
):
    from conftest import mini_kb_files

    files = mini_kb_files()
    safety = files["red_flags.yaml"]
    safety["symptoms"].append(symptom)
    safety["red_flags"][0]["patterns"].append(pattern)
    _write(tmp_path, files)
    brain = Brain(load_kb(tmp_path))
    for message in counts:
        assert brain.reply(message).intent == "red_flag.chest_pain", message
    for message in does_not:
        assert brain.reply(message).kind != "red_flag", message
    field = "not_before" if "not_before" in symptom else "not_after"
    symptom[field] = ["when!"]
    _write(tmp_path, files)
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    assert f"{field}: term 'when!'" in "\n".join(error.value.errors)


@pytest.mark.parametrize(
    ("message", "level"),
    [
        # a figure of speech for how sore, not what happened
        ("woke up feeling like i fell down a flight of stairs, everything hurts", "none"),
        ("my whole body feels like it got hit by a truck after moving house", "none"),
        ("legs feel as if i was in a car crash after leg day", "none"),
        # what happened
        ("i fell down the stairs and my back hurts", "urgent"),
        ("got hit by a car yesterday and my neck is stiff", "emergency"),
        # a moment's dizziness after neck circles that has passed is a head rush
        ("felt dizzy for a sec after doing neck circles too fast, fine now", "none"),
        ("my neck is stiff and i keep getting dizzy when i turn my head", "urgent"),
        # fainting at the sight of a result is surprise; fainting at the end of a run is not
        ("almost fainted when i saw my half marathon time lol, hamstrings are tight", "none"),
        ("i nearly fainted at the finish line of my 10k", "emergency"),
        # a swelling a sting explains is no clot
        ("my calf is a bit swollen where a wasp stung me yesterday", "none"),
    ],
)
def test_a_figure_of_speech_or_a_passing_moment_is_not_a_red_flag(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("my shoulder popped out at volleyball and went back in on its own", "joint_went_back_in"),
        ("my kneecap slipped out and i pushed it back, stretches?", "joint_went_back_in"),
        ("my ankle keeps giving way on and off since a sprain last year", "ankle_keeps_giving_way"),
        ("my daughter is 7 and she's limping and says her hip hurts", "child_limping"),
        # a limp that has not settled in days, even after something that could explain it
        ("my son has been limping for a week after football training", "child_limping"),
        ("my son has had a limp for a few days now", "child_limping"),
        ("my left eye went blurry and i lost my balance and fell over", "stroke_signs"),
        (
            "short of breath on the bike then my chest hurt so much i couldnt stand up",
            "heart_attack_signs",
        ),
        ("i suddenly cant lift my arm", "arm_will_not_lift"),
        # a shoulder that has been getting harder to lift for months is the shoulder's
        (
            "shoulder pain for 6 months, now i cant lift my arm to brush my hair",
            "pain_for_months",
        ),
        # numbness that went away and came back is numbness that comes and goes
        (
            "my leg went numb for a few mins, went away then came back a few times this month",
            "tingling_now_and_then",
        ),
        # numbness getting worse: over days urgent, over months or years a GP's
        ("the numbness in my foot is getting worse", "numbness_getting_worse"),
        ("my leg is getting weaker every day", "numbness_getting_worse"),
        (
            "tingling in both feet that's slowly crept up to my ankles over the last few months",
            "numbness_slowly_worse",
        ),
        (
            "fingers go numb on and off and it's been getting worse for years",
            "numbness_slowly_worse",
        ),
        # a small strain in later life; a pain getting worse with a fever
        (
            "my mum is 74, she sneezed and felt a sharp pain in the middle of her back and now "
            "she can barely move",
            "spine_fragility_fracture",
        ),
        (
            "thought i pulled a muscle at the gym weeks ago but it keeps getting worse and i've "
            "had low grade fevers on and off",
            "fever_with_worsening_pain",
        ),
        # a child's leg pain: with a temperature today; unlike growing pains, a GP's
        ("our 9yo is burning up and says his knee really hurts", "child_leg_pain_fever"),
        (
            "my little girl keeps waking up crying about her right shin, every night this week",
            "child_leg_pain_not_growing_pains",
        ),
        (
            "my son says his thigh still hurts in the morning, is it growing pains",
            "child_leg_pain_not_growing_pains",
        ),
        (
            "found a hard lump on my daughter's shin and it hurts her",
            "child_leg_pain_not_growing_pains",
        ),
        # a fever told as "a temp"; a cold, pale limb told in pieces
        ("back hurts so bad i can't stand up straight and i have a temp", "fever_back_neck"),
        ("my whole arm went dead and cold and looks pale", "cold_pale_limb"),
    ],
)
def test_signs_told_in_a_new_way_raise_their_flag(brain, message, flag):
    assert brain.reply(message).intent == f"red_flag.{flag}"


@pytest.mark.parametrize(
    "message",
    [
        "mri says bulging disc. bending forward makes the leg pain worse, what stretches are ok",
        "pins and needles in my hand after holding a plank, stretch?",
        "my shoulder popped out years ago and went back in, fine since. best shoulder stretch?",
        # growing pains as they usually come: both legs, at night, gone by morning
        "my son gets growing pains in both legs at night, fine by the morning",
        "my daughter's calves ache after football, stretches for kids?",
        # a temp job; hands cold for a while that warm up again
        "i work as a temp and my back is stiff",
        "my hands get cold and a bit pale when i type, then they warm up",
    ],
)
def test_a_word_in_another_sense_raises_no_flag(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_pins_and_needles_in_a_named_pose_is_the_pose_not_a_nerve(brain):
    first, second = converse(
        brain,
        "my foot goes all pins and needles when i do the butterfly stretch",
        "is there a different one for inner thighs",
    )
    assert first.intent == "general.pins_and_needles"
    # asking for a stretch for an area is not telling that the numbness spread there
    assert (second.kind, second.topic) == ("stretch", "adductors")
    # telling it did still is
    told = converse(brain, "my foot went numb in pigeon", "and now my inner thighs are numb too")
    assert told[1].kind == "red_flag"


def test_is_that_bad_after_a_sensation_is_what_a_stretch_should_feel_like(brain):
    replies = converse(
        brain, "why does my leg shake when im stretching my hamstring", "is that bad tho?"
    )
    assert replies[0].intent == "general.shaking"
    assert replies[1].intent == "general.pain"


def test_a_knee_that_locks_and_gives_way_is_the_knees_not_a_nerve(brain):
    reply = converse(
        brain,
        "my knee hurts after football",
        "it keeps locking so i can't straighten it and then it gives way",
    )[1]
    assert reply.intent != "red_flag.nerve_getting_worse"
    assert reply.kind == "red_flag"


def test_a_pain_that_came_back_after_weeks_of_rest_is_a_professionals(brain):
    message = (
        "started running again 3 months ago after 20 yrs off, for the last 3 weeks i get pain "
        "in my right hip/groin when i run. rested a week, came right back. hip flexor stretch?"
    )
    assert brain.reply(message).intent == "red_flag.pain_not_improving"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "my hip aches deep in the groin and i'm limping a bit more every month, i'm 52",
            "red_flag.pain_worse_over_time",
        ),
        (
            "third back flare up this year and each one is worse than the last",
            "red_flag.pain_worse_over_time",
        ),
        (
            "sitting on the edge of the bath all day, now the front of my left thigh has gone numb "
            "and its not coming back. any stretch for that",
            "red_flag.numb_leg_stays",
        ),
        (
            "my shoulder clicks and feels like it slips half out when i reach overhead",
            "red_flag.joint_keeps_dislocating",
        ),
        # "getting worse" is the pain's, not something the person took up
        (
            "deep ache in my groin putting my socks on, been slowly getting worse for a year",
            "red_flag.pain_not_improving",
        ),
        (
            "my neck ache keeps coming back and lasts longer each time",
            "red_flag.pain_worse_over_time",
        ),
        # a condition only wondered about explains nothing away
        (
            "wrist pain keeps coming back for longer and longer, wondering if its arthritis",
            "red_flag.pain_worse_over_time",
        ),
        ("could this be sciatica? pain down my leg for 3 months", "red_flag.pain_for_months"),
    ],
)
def test_a_change_over_time_or_a_numbness_that_stays_is_flagged(brain, message, flag):
    assert brain.reply(message).intent == flag


@pytest.mark.parametrize(
    "message",
    [
        "i run more every week and my calves are sore",
        "my splits get a bit better every month",
        "my leg went numb sitting on the loo but it came back",
        "been stretching for a year and my flexibility is getting worse",
        "tight hamstrings keep coming back no matter how much i stretch",
    ],
)
def test_more_training_or_numbness_that_passed_is_no_change_over_time(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_bones_that_are_thinning_name_osteoporosis(brain):
    reply = brain.reply("doc says my bones are thinning. are toe touches and twists a bad idea?")
    assert "osteoporosis" in reply.context.conditions


@pytest.mark.parametrize(
    "message",
    [
        "i have a fever and the light hurts my eyes",
        "i also have a fever and threw up twice and putting my chin down is agony",
        "woke up with a throbbing neck, now ive got a temperature and feel really confused",
    ],
)
def test_a_fever_with_light_hurting_or_confusion_or_a_neck_that_will_not_bend_is_meningitis(
    brain, message
):
    assert brain.reply(message).intent == "red_flag.meningitis_signs"


@pytest.mark.parametrize(
    ("message", "flagged"),
    [
        (
            "struggling to catch my breath since this morning and my leg feels heavy and sore",
            True,
        ),
        ("my left calf is sore and i get breathless", True),
        # both legs tired and winded from a run or a hill: exercise, not a clot
        ("out of breath running this morning and my legs are sore", False),
        ("i get out of breath on hills and my legs are heavy", False),
    ],
)
def test_a_sore_leg_with_breathlessness_is_a_clot_when_one_leg_or_out_of_nowhere(
    brain, message, flagged
):
    assert (brain.reply(message).intent == "red_flag.pulmonary_embolism") is flagged


@pytest.mark.parametrize(
    "message",
    [
        "my back is broken from moving house haha",
        "i think i broke my neck sleeping on the train, cant look left. stretch pls",
        "i have a dodgy knee from an old skiing accident but its fine day to day",
        "every time i sleep on my arm i panic thinking its paralysed forever, then it comes back",
        "my back went pop when i twisted on the mat and now it feels amazing",
        "dentist, always leaning to one side over patients. neck and upper back tight",
        "heart rate goes through the roof when i do burpees, normal right? cooldown after?",
        "my quads are always rock hard after long rides, what should i stretch",
        "getting super out of breath in my first spin classes, cant talk. just being unfit?",
        "new desk job, 6 months in and theres a deep ache at the front of my hip",
    ],
)
def test_everyday_stories_told_in_strong_words_raise_no_flag(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("i get dizzy and my heart races when i run, is that normal?", "dizzy_racing_exercise"),
        ("6 months into my new job and my back has ached for 2 months", "pain_for_months"),
    ],
)
def test_the_signs_beside_those_stories_still_raise_theirs(brain, message, flag):
    assert brain.reply(message).intent == f"red_flag.{flag}"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "joints in both hands puff up and feel warm in the mornings, fingers stiff for ages",
            "finger_locks_or_swollen_knuckles",
        ),
        (
            "even just fast walking on the treadmill gives me pain in both calves, stretching "
            "first doesn't help at all",
            "calf_pain_when_walking",
        ),
        ("my knee is hot and swollen", "hot_swollen_joint"),
    ],
)
def test_joints_swollen_every_morning_and_pain_that_walking_brings_on(brain, message, flag):
    assert brain.reply(message).intent == f"red_flag.{flag}"


def test_a_known_arthritis_flare_gets_its_conditions_advice_not_a_new_hot_joint(brain):
    reply = brain.reply(
        "I have rheumatoid arthritis and I'm in a flare, wrists and knuckles are hot and "
        "swollen. should I stretch them through it?"
    )
    assert reply.kind != "red_flag" and "arthritis" in reply.context.conditions


@pytest.mark.parametrize(
    "message",
    [
        "when i look up pain shoots down my arm into my fingers, comes and goes",
        "neck pain that shoots down my arm",
        "stiff neck for a fortnight and my thumb and finger tingle on that side",
    ],
)
def test_pain_or_tingling_from_the_neck_into_one_arm_is_a_professionals(brain, message):
    # a nerve root pinched in the neck: a GP or physiotherapist first (NICE CKS)
    assert brain.reply(message).intent == "red_flag.arm_pain_from_the_neck"


@pytest.mark.parametrize(
    "message",
    ["neck pain and my arm has gone weak", "neck hurts and suddenly my hand went numb"],
)
def test_a_weak_arm_or_sudden_numbness_with_neck_pain_is_urgent_or_worse(brain, message):
    assert level_of(brain, brain.reply(message)) in ("urgent", "emergency")


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a zap down the leg or arm that the stretch itself sets off: a nerve under tension
        ("every time i stretch my hammies i get a shock running down into my foot", None),
        ("when i do the doorway stretch my fingers go tingly, like a buzz down my arm", None),
        # numb or tingly hands at night: carpal tunnel's pattern, not pain that wakes you
        ("my hands go numb every night and wake me up, i have to shake them", "hand_numbness"),
        # a knee that locks when bent one way, known from a scan, again and again
        ("my knee locks when i squat deep and i have to wiggle it straight", "knee_keeps_locking"),
        ("my jaw catches when i yawn and it's getting more painful", "jaw_locks_at_times"),
        ("since starting new blood pressure pills my muscles ache all over", "statin_muscle_pain"),
        (
            "cant lift my arm above my head for 3 weeks now, shoulder aches",
            "pain_for_months",
        ),
    ],
)
def test_nerves_joints_and_medicines_told_in_everyday_words_get_a_professionals_check(
    brain, message, flag
):
    reply = brain.reply(message)
    assert level_of(brain, reply) == "see_professional"
    assert reply.intent == f"red_flag.{flag or 'nerve_pain_when_stretching'}"


@pytest.mark.parametrize(
    "message",
    [
        "fell snowboarding onto my outstretched hand and my wrist is swollen",
        "deadlifted on monday and today my left foot and shin have gone numb",
    ],
)
def test_a_fall_onto_a_hand_or_a_leg_gone_numb_after_lifting_is_urgent(brain, message):
    assert level_of(brain, brain.reply(message)) == "urgent"


def test_the_pregnant_emoji_tells_a_pregnancy(brain):
    reply = brain.reply("28 weeks 🤰 and my hips ache, what can i stretch")
    assert "pregnancy" in reply.context.conditions


@pytest.mark.parametrize(
    "message",
    [
        "pins and needles in my hand when i hold my phone up too long in bed",
        "i get pins n needles down into my foot when i go deep into a hamstring stretch, why",
    ],
)
def test_pins_and_needles_from_a_position_is_the_position(brain, message):
    assert brain.reply(message).intent == "general.pins_and_needles"


def test_a_childs_age_with_their_sport_names_the_life_stage(brain):
    reply = brain.reply("my 13 yr old plays soccer 5 times a week")
    assert "children_teens" in reply.context.conditions
    assert brain.reply("my 13 yr old loves video games").kind == "fallback"


def test_also_narrows_patterns_shared_through_a_yaml_alias(tmp_path: Path):
    from conftest import mini_kb_files

    files = mini_kb_files()
    flags = files["red_flags.yaml"]["red_flags"]
    shared = [[["wakes me"], ["$pain"]]]  # the same list twice: written as an anchor and alias
    base = {"title": "Night pain", "message": "Get it checked.", "sources": ["A source"]}
    flags.append({"id": "night", "level": "see_professional", "patterns": shared, **base})
    flags.append(
        {"id": "night_spine", "level": "urgent", "patterns": shared, "also": ["back"], **base}
    )
    _write(tmp_path, files)
    assert "*id" in (tmp_path / "red_flags.yaml").read_text()
    kb = load_kb(tmp_path)
    assert kb.red_flags["night"].patterns == ((("wakes me",), ("$pain",)),)
    assert kb.red_flags["night_spine"].patterns == ((("wakes me",), ("$pain",), ("back",)),)
    brain = Brain(kb)
    assert brain.reply("my back pain wakes me every night").intent == "red_flag.night_spine"
    assert brain.reply("hip pain wakes me every night").intent == "red_flag.night"
    flags[-1]["also"] = ["$no_such_symptom"]
    _write(tmp_path, files)
    with pytest.raises(KBError) as error:
        load_kb(tmp_path)
    assert "unknown symptom 'no_such_symptom'" in "\n".join(error.value.errors)


@pytest.mark.parametrize(
    ("message", "level"),
    [
        # both ankles swelling in pregnancy is common: the condition's advice, not a clot
        ("34 weeks pregnant, stretches for my swollen ankles?", "none"),
        ("my wrist swells up every couple of months for no reason", "see_professional"),
        ("my right calf is swollen and warm since the flight", "urgent"),
    ],
)
def test_swelling_on_both_sides_or_that_keeps_coming_back_is_no_clot(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


def test_pain_since_last_year_is_still_going_on(brain):
    reply = converse(
        brain,
        "my shoulder's tight, any stretch",
        "it's been like this since last year and wakes me up most nights",
    )[-1]
    assert level_of(brain, reply) == "see_professional"


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("my legs are numb and my back hurts", "emergency"),
        ("both legs went numb after deadlifts", "emergency"),
        ("both my feet are tingly, no idea why", "urgent"),
        # there for months, or creeping on: a GP's (peripheral neuropathy, spinal stenosis)
        ("pins and needles in both feet for months, i'm diabetic", "see_professional"),
        ("numbness in both feet slowly creeping up to my ankles", "see_professional"),
    ],
)
def test_numb_legs_are_triaged_by_what_comes_with_them_and_how_long(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("there's a sore lump in my groin and i've been throwing up", "emergency"),
        ("my jaw keeps locking, can't open it all the way for a few days now", "see_professional"),
        ("took a few hard landings on the slopes and my lower back really hurts", "urgent"),
        # a fall months ago with pain that lingers: pain that has lasted, for a GP or physio
        ("my knee still aches 3 months after i fell off my bike", "see_professional"),
    ],
)
def test_hernias_jaws_landings_and_old_falls(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("tweaked my calf a month ago and it still grabs when i jog", "see_professional"),
        ("20 weeks pregnant, my pelvis hurts when i walk, any stretches", "none"),
        ("sprained my ankle 2 weeks ago, walking on it now, when can i stretch it", "none"),
    ],
)
def test_strains_that_linger_and_pain_that_a_condition_explains(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("nan tripped over the cat and landed on her hip, she can't move or get up", "emergency"),
        ("my dad collapsed during his stretches and now he's confused", "emergency"),
        ("doctor says i have a ruptured disc, what stretches should i avoid", "none"),
        (
            "slept funny over a year ago and my back has hurt 24/7 ever since, wakes me up",
            "see_professional",
        ),
        ("legs are paralysed with laziness today, motivate me", "none"),
        # ... while weight the foot cannot take after a race is still urgent
        ("ran a marathon yesterday, cant put weight on my foot, top of it is swollen", "urgent"),
    ],
)
def test_falls_collapses_discs_and_pain_since_long_ago(brain, message, level):
    assert level_of(brain, brain.reply(message)) == level


@pytest.mark.parametrize(
    ("message", "condition"),
    [
        ("7 months gone, what can i do for my lower back", "pregnancy"),
        ("new mum, baby is 3 weeks, back is wrecked from feeding", "after_birth"),
        # rheumatoid arthritis by its letters
        ("got ra, what stretches are ok", "arthritis"),
        ("i have ra in my hands, can i stretch them", "arthritis"),
        # a baby told by age in weeks ("wks") or days, with the writer's back
        ("baby is 5 wks old, back is wrecked, what can i do", "after_birth"),
        ("my 3 week old wont settle and my back is killing me", "after_birth"),
        ("torn acl rehab, can i stretch my hamstring", "recent_injury"),
        # the weeks with the midwife say pregnant
        ("29 weeks, midwife says all fine, gentle stretch for my hips?", "pregnancy"),
    ],
)
def test_a_condition_told_in_everyday_words_shapes_the_reply(brain, message, condition):
    reply = brain.reply(message)
    assert reply.kind != "red_flag", reply.intent
    assert condition in reply.conditions


def test_a_young_pet_is_no_new_baby(brain):
    reply = brain.reply("my puppy is 8 weeks old and my back hurts from bending down to him")
    assert "after_birth" not in reply.conditions


@pytest.mark.parametrize(
    "message",
    [
        "my dog needs a hip replacement, roughly how much does that cost at the vet",
        "my dog has arthritis, any stretches for him",
        # pregnant, of a pet, in a message about the writer's own knees
        "our cat is pregnant and i keep kneeling to feed her, my knees are stiff",
    ],
)
def test_an_animals_condition_is_not_the_writers(brain, message):
    reply = brain.reply(message)
    assert not reply.conditions and not reply.context.conditions, reply.intent


def test_the_writers_condition_beside_an_animal_stays(brain):
    reply = brain.reply("my dog pulled me over and i have a hip replacement, can i stretch")
    assert "hip_replacement" in reply.context.conditions


def test_a_told_condition_still_explains_its_own_pain(brain):
    # told, not wondered about: the advice for sciatica, not a warning
    reply = brain.reply("i have sciatica, pain down my leg for 3 months")
    assert reply.kind != "red_flag" and "sciatica" in reply.context.conditions


@pytest.mark.parametrize(
    "message",
    [
        "calf cramps every night even though i drink loads of water, and my legs feel weak",
        "i get cramps all the time and my feet go numb",
    ],
)
def test_frequent_cramps_with_weakness_or_numbness_see_a_professional(brain, message):
    assert brain.reply(message).intent == "red_flag.frequent_cramps_with_other_signs"


@pytest.mark.parametrize("message", ["calf cramps every night", "my calf cramped and now its weak"])
def test_cramps_alone_get_the_cramp_answer(brain, message):
    assert brain.reply(message).intent == "general.cramp"


def test_a_kneecap_that_keeps_slipping_out_is_a_recurring_dislocation(brain):
    reply = brain.reply("my kneecap keeps slipping out to the side when i stretch, im hypermobile")
    assert reply.intent == "red_flag.joint_keeps_dislocating"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("my husband's face drooped on one side while stretching", "red_flag.stroke_signs"),
        ("her face sagged on the left", "red_flag.stroke_signs"),
        ("fell off my bike and my wrist is bent funny", "red_flag.deformed_limb"),
        ("my toes are white and cold and my foot hurts after the cast", "red_flag.cold_pale_limb"),
        ("peeing loads more than normal and my back and legs hurt", "red_flag.cauda_equina"),
    ],
)
def test_other_forms_of_warning_signs_are_read(brain, message, flag):
    assert brain.reply(message).intent == flag


@pytest.mark.parametrize(
    "message",
    [
        "my face feels saggy after 40 lol any stretches",
        "heard a pop sprinting and the back of my thigh has gone purple",
        "i drink so much water i pee all the time, hamstrings tight",
    ],
)
def test_their_look_alikes_are_not_those_signs(brain, message):
    assert brain.reply(message).intent not in (
        "red_flag.stroke_signs",
        "red_flag.cold_pale_limb",
        "red_flag.cauda_equina",
    )


def test_an_injury_to_the_foot_not_felt_is_numbness_even_after_a_stretch(brain):
    _card, reply = converse(brain, "my foot", "i didnt feel anything when i stepped on the glass")
    assert reply.kind == "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "legs feel heavy after the long drive",
        "just landed after 13 hrs in economy, legs feel so stiff and heavy",
    ],
)
def test_both_legs_heavy_after_sitting_for_a_journey_is_no_clot(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "my calf aches since the flight yesterday",
        "left leg is sore and heavy after the long haul flight",
    ],
)
def test_one_leg_aching_after_a_journey_is_still_a_clot_warning(brain, message):
    assert brain.reply(message).intent == "red_flag.dvt"


def test_a_heavy_ache_with_the_jaw_and_breathlessness_after_a_shoulder_stretch(brain):
    _card, reply = converse(
        brain,
        "shoulder stretch pls, left one is tight",
        "its more of a heavy ache, my jaw hurts too and im a bit short of breath",
    )
    assert reply.intent == "red_flag.heart_attack_signs"


@pytest.mark.parametrize(
    "message",
    [
        "my heart is racing and pounding while i stretch",
        "heart rate shoots up and i feel dizzy doing these stretches",
        "heart goes crazy fast when i stretch, like pounding",
    ],
)
def test_a_heart_racing_while_stretching_is_not_explained_by_effort(brain, message):
    assert brain.reply(message).intent == "red_flag.dizzy_racing_exercise"


@pytest.mark.parametrize(
    "message",
    [
        "i feel dizzy when i stretch",  # a head rush
        "my heart rate goes up a bit when i stretch, normal?",
        "heart pounding from nerves, any stretch to calm down?",
    ],
)
def test_a_head_rush_or_a_heart_explained_is_no_racing_heart(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "been peeing way more than normal since my back went, and it burns down both legs",
            "red_flag.cauda_equina",
        ),
        ("peeing loads since my back went and it burns", "red_flag.kidney_infection_signs"),
        ("back ache and peeing a lot, it stings", "red_flag.kidney_infection_signs"),
        ("my shoulder looks out of place after the fall", "red_flag.deformed_limb"),
        (
            "my thigh is rock hard and swollen after a kick, pain is insane",
            "red_flag.compartment_syndrome",
        ),
        ("sharp pain in my testicle after stretching", "red_flag.testicle_pain"),
    ],
)
def test_a_burn_down_the_legs_a_fall_a_kick_and_a_sharp_testicle_pain(brain, message, flag):
    assert brain.reply(message).intent == flag


def test_a_swollen_ankle_after_rolling_it_is_a_recent_injury_not_a_clot(brain):
    reply = brain.reply("my ankle is purple and swollen after rolling it")
    assert reply.kind != "red_flag"
    assert "recent_injury" in reply.conditions


@pytest.mark.parametrize("message", ["my arm went cold and pale", "my foot has gone cold and blue"])
def test_a_limb_gone_cold_and_pale_is_an_emergency(brain, message):
    reply = brain.reply(message)
    assert reply.intent == "red_flag.cold_pale_limb"
    assert level_of(brain, reply) == "emergency"


def test_a_limb_gone_cold_after_a_card_is_read_as_the_flag(brain):
    _card, reply = converse(brain, "shoulder stretch", "arm went cold and pale")
    assert reply.intent == "red_flag.cold_pale_limb"


@pytest.mark.parametrize(
    "message", ["my fingers went white in the cold", "my hands are always cold and pale"]
)
def test_cold_hands_in_the_cold_are_no_emergency(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "my leg has felt weak since doing that stretch",
        "arm feels weak after that stretch",
        "my leg feels weak and floppy now",
    ],
)
def test_a_limb_weak_since_a_stretch_is_a_nerve_warning(brain, message):
    assert brain.reply(message).intent == "red_flag.nerve_getting_worse"


def test_a_weak_leg_after_a_stretch_card(brain):
    _card, reply = converse(brain, "glute stretch", "my leg feels weak and floppy now")
    assert reply.intent == "red_flag.nerve_getting_worse"


@pytest.mark.parametrize(
    "message", ["my legs feel weak after leg day", "legs weak and shaky after the run"]
)
def test_legs_tired_from_training_are_no_nerve_warning(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "sudden pain in my side that comes in waves, cant sit still",
        "pain in my back that spreads to my tummy and i feel sick",
        "agony in my right side, comes and goes in waves, cant get comfortable",
    ],
)
def test_side_or_back_pain_in_waves_is_a_kidney_stone_warning(brain, message):
    reply = brain.reply(message)
    assert reply.intent == "red_flag.kidney_stone_signs"
    assert level_of(brain, reply) == "urgent"


@pytest.mark.parametrize(
    "message", ["side stitch when i run", "my obliques hurt after ab day, sharp when i twist"]
)
def test_a_stitch_or_sore_obliques_are_no_kidney_stone(brain, message):
    assert brain.reply(message).kind != "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "i take warfarin, huge bruise on my thigh from stretching",
        "on apixaban and my knee swelled up after a small knock",
    ],
)
def test_a_bruise_or_swelling_on_a_blood_thinner_is_urgent(brain, message):
    reply = brain.reply(message)
    assert reply.intent == "red_flag.bleeding_on_blood_thinners"
    assert level_of(brain, reply) == "urgent"


def test_an_arm_swollen_after_a_line_is_a_clot_warning(brain):
    assert brain.reply("my arm is swollen after my picc line").intent == "red_flag.dvt"


@pytest.mark.parametrize(
    ("flagged", "asked"),
    [
        ("crushing chest pain and my left arm is numb", "can you send me daily tips"),
        ("my calf is swollen after the flight", "ok. can you send me daily stretch tips?"),
        ("i fainted while stretching", "thanks, will do. daily tips please"),
    ],
)
def test_daily_tips_asked_after_a_red_flag_are_turned_on(brain, flagged, asked):
    first, reply = converse(brain, flagged, asked)
    assert first.kind == "red_flag"
    assert reply.intent == "daily.on"


@pytest.mark.parametrize(
    "more", ["it happens daily now", "daily tips please, and its warm too now"]
)
def test_a_daily_word_that_tells_more_of_the_concern_keeps_the_flag(brain, more):
    _first, reply = converse(brain, "my calf is swollen after the flight", more)
    assert reply.intent == "red_flag.dvt"


def test_sciatica_on_one_side_is_no_stroke(brain):
    reply = brain.reply("sciatica on my right side for months, foot a bit numb")
    assert reply.intent != "red_flag.stroke_signs"
    assert level_of(brain, reply) == "see_professional"


@pytest.mark.parametrize(
    "message",
    [
        "my right side feels heavy and weird",
        "i have sciatica but today my whole right side went numb and my face is drooping",
    ],
)
def test_one_half_of_the_body_gone_numb_or_heavy_is_still_a_stroke(brain, message):
    assert brain.reply(message).intent == "red_flag.stroke_signs"


@pytest.mark.parametrize(
    "message",
    [
        "moving a chest of drawers today and my arms ache",
        "lifted the chest freezer and my arm aches",
    ],
)
def test_a_chest_of_drawers_is_no_chest_pain(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_a_chest_that_hurts_with_an_aching_arm_is_still_the_heart(brain):
    assert brain.reply("chest pain and my left arm aches").intent == "red_flag.heart_attack_signs"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "got a blinding pain in my head and neck, it ramped up in like a minute",
            "red_flag.sudden_severe_headache",
        ),
        (
            "since the flight back from perth i cant get a full breath even sitting down",
            "red_flag.pulmonary_embolism",
        ),
        (
            "on the contraceptive jab and today i got really short of breath out of nowhere",
            "red_flag.pulmonary_embolism",
        ),
        (
            "my heart starts pounding out of control in races and i get dizzy like standing up "
            "too fast",
            "red_flag.dizzy_racing_exercise",
        ),
        (
            "wrist in a cast since monday, the pain is unbearable tonight and my fingers are "
            "tingling",
            "red_flag.compartment_syndrome",
        ),
        (
            "did 60 pull ups yesterday, arms went from sore to weak and i can barely bend them",
            "red_flag.rhabdomyolysis",
        ),
        (
            "on apixaban, banged my knee on the table and theres a warm lump now",
            "red_flag.bleeding_on_blood_thinners",
        ),
        (
            "wheezing after football and my blue inhaler is not doing anything",
            "red_flag.breathless_at_rest_or_worse",
        ),
        (
            "12 hours in a window seat, now the back of my left calf aches",
            "red_flag.dvt",
        ),
        (
            "pain in my lower back wrapping round to the front and down into my groin",
            "red_flag.kidney_stone_signs",
        ),
        ("one side of my back hurts and im peeing blood", "red_flag.kidney_stone_signs"),
        (
            "my 2 year old wont put any weight on her leg, she crawls instead of walking",
            "red_flag.cannot_walk_on_it",
        ),
        (
            "burning patch on my ribs and now red bumps in a stripe",
            "red_flag.shingles_signs",
        ),
        (
            "pain began around my belly button and has moved low on the right, feel sick",
            "red_flag.appendicitis_signs",
        ),
    ],
)
def test_more_warning_signs_in_peoples_own_words(brain, message, flag):
    assert brain.reply(message).intent == flag


def test_back_stiffness_that_movement_eases_is_for_a_gp_not_same_day(brain):
    reply = brain.reply(
        "29f, back stiff every morning for over an hour, gets better when i move not when i "
        "rest, wakes me at 4am"
    )
    assert reply.intent == "red_flag.inflammatory_back_pain"


@pytest.mark.parametrize(
    "message",
    [
        "numb bum after a long ride, comes back 20 min after i get off the bike",
        "can you slow down your rate of speech",
        "my daughter will not walk the dog anymore",
        "had my appendix out years ago, can i do ab stretches",
    ],
)
def test_their_look_alikes_stay_quiet(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_a_saddle_area_numb_after_deadlifts_is_still_the_emergency(brain):
    reply = brain.reply(
        "heavy deadlifts yesterday, the bit where you sit on a bike saddle is numb and my back is "
        "sore"
    )
    assert reply.intent == "red_flag.saddle_or_both_legs_numb"


@pytest.mark.parametrize(
    "turns",
    [
        (
            "hamstring stretch",
            "that one hurt, felt a pop at the back of my thigh and now a big bruise is coming",
            "ok i'll get it looked at. can i still stretch my upper body?",
        ),
        (
            "lower back stretches please",
            "I had breast cancer, 4 years clear, and this pain is new, constant, and doesn't ease "
            "when I lie down",
            "I'll ring my oncology nurse. thanks for being straight with me",
        ),
    ],
)
def test_care_sought_or_the_upper_body_asked_after_a_flag_is_no_flag_again(brain, turns):
    replies = converse(brain, *turns)
    assert replies[1].kind == "red_flag"
    assert replies[-1].kind != "red_flag"


def test_an_age_told_early_counts_with_a_new_back_pain_later(brain):
    replies = converse(
        brain,
        "hey, 61 here, not very bendy",
        "got a stretch for my lower back?",
        "thing is its new, never had a bad back before, came on a few weeks ago for no reason",
    )
    assert [r.kind for r in replies[:2]] == ["answer", "stretch"]
    assert replies[-1].intent == "red_flag.new_back_pain_over_50"


def test_a_relatives_condition_is_not_the_writers_when_they_turn_to_their_own_body(brain):
    reply = brain.reply(
        "my grandad had a new knee put in, anyway my own knees ache after football, any stretch?"
    )
    assert (reply.intent, reply.conditions) == ("knees.stretch", ())
    # told of the relative alone, the stretches asked are for them
    assert brain.reply("my mum had a hip replacement, what stretches can she do").conditions == (
        "hip_replacement",
    )
    # ... and in one sentence: "so i need", not "and i want to help him"
    own = brain.reply("my mate pulled his groin at five a side so i need a proper warm up")
    assert (own.kind, own.conditions) == ("routine", ())
    theirs = brain.reply("my son sprained his wrist and i want to help him stretch it")
    assert theirs.conditions == ("recent_injury",)


@pytest.mark.parametrize(
    "message",
    [
        # someone else's emergency asked about: the flag, for them
        "my husband collapsed and isnt breathing, what do i do",
        "my son fainted at school, should i stretch him after",
        # told by someone else of the writer's own body
        "my friend says my calf looks swollen and red, can i stretch it",
    ],
)
def test_someone_elses_emergency_or_the_writers_own_told_by_them_still_flags(brain, message):
    assert brain.reply(message).kind == "red_flag"


def test_saying_you_will_get_care_gets_a_word_of_support(brain):
    reply = brain.reply("ill ring my gp")
    assert reply.kind == "smalltalk"
    assert "Good plan" in render_text(reply)


def test_care_sought_with_the_concern_getting_worse_keeps_the_flag(brain):
    reply = converse(
        brain,
        "my calf is swollen after the flight",
        "ill ring my gp, its getting more swollen and now im short of breath",
    )[-1]
    assert reply.kind == "red_flag"


@pytest.mark.parametrize(
    "message",
    [
        "numbness started in my buttock and has crept down to my foot this week",
        "it shoots from my bum down into my foot and the foot is a bit numb",
    ],
)
def test_numbness_on_its_way_down_one_leg_from_the_bum_is_no_saddle_numbness(brain, message):
    reply = brain.reply(message)
    assert reply.kind == "red_flag"
    assert reply.intent != "red_flag.saddle_or_both_legs_numb"
    assert level_of(brain, reply) in ("urgent", "see_professional")


@pytest.mark.parametrize(
    "message", ["numb bum and my back hurts", "my bum is numb since my back went"]
)
def test_a_numb_bum_with_back_pain_is_still_the_emergency(brain, message):
    assert brain.reply(message).intent == "red_flag.saddle_or_both_legs_numb"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "on levofloxacin for a chest infection and now my achilles is really sore, ok to run?",
            "red_flag.antibiotic_tendon",
        ),
        (
            "dug the veg patch all morning, now my jaw and left shoulder ache and i feel sick",
            "red_flag.heart_attack_signs",
        ),
        (
            "my toddler is refusing to put weight on his leg today and feels hot",
            "red_flag.cannot_walk_on_it",
        ),
    ],
)
def test_a_tendon_on_antibiotics_a_jaw_with_a_shoulder_a_child_refusing_weight(
    brain, message, flag
):
    assert brain.reply(message).intent == flag


def test_a_bladder_infection_with_tendon_issues_is_no_cauda_equina(brain):
    reply = brain.reply(
        "chronic achilles issues, and my gp put me on antibiotics for a bladder infection"
    )
    assert reply.intent != "red_flag.cauda_equina"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a kneecap off to one side has come out of its groove, fall or no fall
        (
            "my kneecap is sitting off to the side",
            "red_flag.dislocated_joint",
        ),
        ("knee cap has moved sideways after i turned", "red_flag.dislocated_joint"),
        # newly breathless at a light effort
        (
            "i get out of breath with easy stretches on the floor now, never had that before",
            "red_flag.breathless_new_light_effort",
        ),
        (
            "breathless doing light stretching on the floor, its new for me",
            "red_flag.breathless_new_light_effort",
        ),
        # a split day named, an upper arm massively swollen
        (
            "triceps hugely swollen and hard as a rock since push day yesterday",
            "red_flag.rhabdomyolysis",
        ),
    ],
)
def test_a_kneecap_out_of_line_new_breathlessness_a_swollen_upper_arm(brain, message, flag):
    assert brain.reply(message).intent == flag


def test_a_limb_told_lower_than_the_other_after_a_fall_is_out_of_shape(brain):
    first = brain.reply("my shoulder feels really tight")
    reply = brain.reply(
        "fell off my scooter onto it and now it sits lower than the other one", first.context
    )
    assert reply.intent == "red_flag.deformed_limb"


@pytest.mark.parametrize(
    "message",
    [
        "my kneecap feels a bit tight on the side",
        "i get out of breath doing yoga sun salutations, how to improve",
        "biceps feel tight after arm day",
        "arms look swollen after arm day, just a normal pump?",
    ],
)
def test_ordinary_knees_breath_and_pumps_raise_no_flag(brain, message):
    assert brain.reply(message).kind != "red_flag"


def test_weeks_told_of_oneself_with_a_stretch_are_a_pregnancy(brain):
    reply = brain.reply("im 28 weeks, is cobra pose ok for me")
    assert "pregnancy" in reply.intent or "pregnancy" in reply.conditions


@pytest.mark.parametrize(
    "message",
    [
        "im 12 weeks into marathon training, best stretches?",
        "im 10 weeks out from my race, any stretching plan",
        "i'm 16 weeks postpartum, stretches for my back",
    ],
)
def test_weeks_of_a_plan_or_since_a_birth_are_no_pregnancy(brain, message):
    reply = brain.reply(message)
    assert "pregnancy" not in reply.intent and "pregnancy" not in reply.conditions


def test_a_neck_that_will_not_bend_after_a_fever_told_goes_on_with_the_red_flag(brain: Brain):
    first = brain.reply(
        "had flu for three days, temperature 39 this morning, and my neck is really stiff"
    )
    assert first.intent == "red_flag.meningitis_signs"
    later = brain.reply(
        "tried it but I can't even bend my chin down to my chest, and the lamp is hurting my eyes",
        brain.reply("which neck stretch is the gentlest", first.context).context,
    )
    assert later.intent == "red_flag.meningitis_signs"


def test_a_record_broken_is_no_bone_broken(brain: Brain):
    reply = brain.reply("broke my personal best today! now what stretches for cooldown")
    assert "recent_injury" not in reply.context.conditions
    assert (
        "recent_injury"
        in brain.reply("broke my wrist last week, can i stretch it").context.conditions
    )


def test_dizzy_coming_up_from_a_fold_in_a_routine_is_a_check_not_an_emergency(brain: Brain):
    # coming up from a forward bend and nearly blacking out is the blood pressure catching up
    # (see a GP if it keeps happening); a faint in the middle of the routine is an emergency
    rising = _intents(
        brain,
        "morning routine",
        "when i roll up from the forward fold the room spins and i nearly black out",
    )[-1]
    assert rising == "red_flag.vertigo_spinning"
    assert (
        _intents(brain, "morning routine", "i passed out halfway through it")[-1]
        == "red_flag.fainting_exercise"
    )


def test_a_leg_gone_weak_in_a_conversation_stops_the_stretching(brain):
    reply = converse(brain, "glute stretch", "my left leg has gone weak since this morning")[-1]
    assert reply.intent == "red_flag.limb_gone_weak"


@pytest.mark.parametrize("closing", ["ok thanks", "bye", "ok"])
def test_a_thanks_after_a_red_flag_offers_no_tips_and_says_to_get_it_checked(
    brain: Brain, closing: str
):
    flag = brain.reply("my calf is swollen and hot after my flight")
    assert flag.kind == "red_flag"
    reply = brain.reply(closing, flag.context)
    text = render_text(reply)
    assert reply.kind == "smalltalk" and not reply.actions
    assert "get it checked" in text and "tip" not in text.lower()


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("had a baby 2 weeks ago and now one calf is hot and swollen", "had a baby recently"),
        ("im 30 weeks pregnant and i fainted on the stairs", "you are pregnant"),
        ("new hip 3 weeks ago, it popped and the leg is twisted", "hip replacement"),
    ],
)
def test_a_red_flag_asks_to_tell_care_the_condition_told(brain: Brain, message: str, said: str):
    reply = brain.reply(message)
    assert reply.kind == "red_flag"
    told = [b.text for b in reply.blocks if b.text.startswith("When you get help, tell them")]
    assert len(told) == 1 and said in told[0]


def test_a_red_flag_with_no_condition_told_has_no_such_line(brain: Brain):
    reply = brain.reply("my calf is hot, red and swollen after the flight")
    assert reply.kind == "red_flag"
    assert not any("When you get help, tell them" in b.text for b in reply.blocks)


def test_a_frozen_shoulder_told_after_its_stretch_is_the_condition(brain: Brain):
    _card, told = converse(brain, "shoulder stretch", "its been frozen for months now")
    assert "frozen_shoulder" in told.context.conditions


@pytest.mark.parametrize(
    ("message", "topic", "condition"),
    [
        ("im 70 and my calves are tight from walking the dog", "calves", "older_adults"),
        (
            "5 months postpartum, shoulders tight from carrying the car seat",
            "shoulders",
            "after_birth",
        ),
    ],
)
def test_a_told_cause_gets_the_stretch_under_the_conditions_note(
    brain: Brain, message: str, topic: str, condition: str
):
    reply = brain.reply(message)
    assert reply.kind == "stretch" and reply.topic == topic
    assert condition in reply.conditions
    assert reply.blocks[0].text == brain.kb.conditions[condition].note


@pytest.mark.parametrize(
    "messages",
    [
        ("was in a car crash in 2019, all healed", "my neck is stiff, stretch?"),
        (
            "had whiplash from a car crash ages ago",
            "neck gets stiff when i'm stressed, any stretch",
        ),
        # ... or told as over
        ("got tackled at rugby on saturday, fine now", "hamstrings are tight, stretch?"),
    ],
)
def test_history_told_before_does_not_make_a_later_message_an_emergency(brain, messages):
    # the message before told of the past and this one does not bring it up to now
    *_, reply = converse(brain, *messages)
    assert reply.kind == "stretch"


@pytest.mark.parametrize(
    "messages",
    [
        # ... but history that is a risk, or a sign told as now, still counts
        ("had a dvt years ago", "my calf is swollen and red today"),
        ("had breast cancer 3 years ago", "back pain at night that wakes me up"),
    ],
)
def test_history_told_before_still_counts_with_a_sign_told_now(brain, messages):
    *_, reply = converse(brain, *messages)
    assert reply.kind == "red_flag"


def test_a_chest_sore_to_press_after_push_ups_is_no_red_flag(brain):
    # chest-wall soreness the day after a push-up challenge, told over two messages
    *_, reply = converse(
        brain,
        "did the pushup challenge at work yesterday",
        "chest hurts when i press on it, sore like a bruise",
    )
    assert reply.kind != "red_flag"
