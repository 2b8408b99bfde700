<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>AboutScreen</name>
    <message>
        <source>About this display</source>
        <translation>Am y dangosydd hwn</translation>
    </message>
    <message>
        <source>Update progress</source>
        <translation>Cynnydd y diweddariad</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Back to your balance</source>
        <translation>Yn ôl at eich balans</translation>
    </message>
    <message>
        <source>Software version %1</source>
        <translation>Fersiwn meddalwedd %1</translation>
    </message>
    <message>
        <source>Updating to version %1… %2 %. You can keep using the display meanwhile.</source>
        <translation>Yn diweddaru i fersiwn %1… %2 %. Gallwch ddal i ddefnyddio&apos;r dangosydd yn y cyfamser.</translation>
    </message>
    <message>
        <source>Updated to version %1.</source>
        <translation>Wedi&apos;i diweddaru i fersiwn %1.</translation>
    </message>
    <message>
        <source>The update to version %1 was stopped: another device in your home started updating at the same time. Your display still runs version %2; your supplier will send the update again.</source>
        <translation>Cafodd y diweddariad i fersiwn %1 ei atal: dechreuodd dyfais arall yn eich cartref ddiweddaru ar yr un pryd. Mae eich dangosydd yn dal i redeg fersiwn %2; bydd eich cyflenwr yn anfon y diweddariad eto.</translation>
    </message>
    <message>
        <source>The update to version %1 arrived damaged and was not installed. Your display still runs version %2.</source>
        <translation>Cyrhaeddodd y diweddariad i fersiwn %1 wedi&apos;i ddifrodi ac ni chafodd ei osod. Mae eich dangosydd yn dal i redeg fersiwn %2.</translation>
    </message>
    <message>
        <source>The update to version %1 stopped: the communications hub stopped answering. Your display still runs version %2.</source>
        <translation>Daeth y diweddariad i fersiwn %1 i ben: peidiodd yr hyb cyfathrebu ag ateb. Mae eich dangosydd yn dal i redeg fersiwn %2.</translation>
    </message>
    <message>
        <source>No update is under way.</source>
        <translation>Does dim diweddariad ar y gweill.</translation>
    </message>
    <message>
        <source>Updating… %1 %</source>
        <translation>Yn diweddaru… %1 %</translation>
    </message>
    <message>
        <source>Update stopped – see About</source>
        <translation>Diweddariad wedi&apos;i atal – gweler Ynghylch</translation>
    </message>
</context>
<context>
    <name>Age</name>
    <message>
        <source>%1 s old</source>
        <translation>%1 eiliad yn ôl</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>%1 munud yn ôl</translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation>%1 awr yn ôl</translation>
    </message>
</context>
<context>
    <name>Ambient</name>
    <message>
        <source>Looking for your meter…</source>
        <translation>Chwilio am eich mesurydd…</translation>
    </message>
    <message>
        <source>Out of date – last heard at %1</source>
        <translation>Wedi dyddio – clywyd ddiwethaf am %1</translation>
    </message>
    <message>
        <source>Credit %1</source>
        <translation>Credyd %1</translation>
    </message>
    <message>
        <source>Electricity use right now</source>
        <translation>Defnydd trydan ar hyn o bryd</translation>
    </message>
    <message>
        <source>Touch the screen to wake it</source>
        <translation>Cyffyrddwch â’r sgrin i’w deffro</translation>
    </message>
    <message>
        <source>Resting display</source>
        <translation>Dangosydd yn gorffwys</translation>
    </message>
</context>
<context>
    <name>AmbientCue</name>
    <message>
        <source>Electricity use is now high.</source>
        <translation>Mae defnydd trydan yn uchel nawr.</translation>
    </message>
    <message>
        <source>Electricity use is now medium.</source>
        <translation>Mae defnydd trydan yn ganolig nawr.</translation>
    </message>
    <message>
        <source>Electricity use is now low.</source>
        <translation>Mae defnydd trydan yn isel nawr.</translation>
    </message>
</context>
<context>
    <name>AmbientIndicator</name>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Canolig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>Electricity use right now: %1</source>
        <translation>Defnydd trydan ar hyn o bryd: %1</translation>
    </message>
    <message>
        <source>%1 (out of date)</source>
        <translation>%1 (wedi dyddio)</translation>
    </message>
</context>
<context>
    <name>BalanceScreen</name>
    <message>
        <source>Use %1 emergency credit; it is repaid from your next top-up</source>
        <translation>Defnyddio credyd brys %1; caiff ei dalu&apos;n ôl o&apos;ch ychwanegiad nesaf</translation>
    </message>
    <message>
        <source>Turn gas on</source>
        <translation>Troi&apos;r nwy ymlaen</translation>
    </message>
    <message>
        <source>Turn electricity on</source>
        <translation>Troi&apos;r trydan ymlaen</translation>
    </message>
    <message>
        <source>The supply is ready to be turned back on</source>
        <translation>Mae&apos;r cyflenwad yn barod i&apos;w droi yn ôl ymlaen</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Ynghylch</translation>
    </message>
    <message>
        <source>This display&apos;s software version and updates</source>
        <translation>Fersiwn meddalwedd y dangosydd hwn a&apos;i ddiweddariadau</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Ychwanegu credyd</translation>
    </message>
    <message>
        <source>Enter a 20-digit top-up code</source>
        <translation>Rhowch god ychwanegu credyd 20 digid</translation>
    </message>
    <message>
        <source>Messages (%1)</source>
        <translation>Negeseuon (%1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>Open your messages from your supplier</source>
        <translation>Agor eich negeseuon gan eich cyflenwr</translation>
    </message>
    <message>
        <source>Emergency credit %1</source>
        <translation>Credyd argyfwng %1</translation>
    </message>
    <message>
        <source>Looking for your meter…</source>
        <translation>Chwilio am eich mesurydd…</translation>
    </message>
    <message>
        <source>Your meter is not in prepayment mode: there is nothing to top up.</source>
        <translation>Nid yw’ch mesurydd yn y modd talu ymlaen llaw: does dim i’w ychwanegu.</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>Friendly credit: your supply stays on until the friendly hours end.</source>
        <translation>Credyd cyfeillgar: bydd eich cyflenwad yn aros ymlaen tan ddiwedd yr oriau cyfeillgar.</translation>
    </message>
    <message>
        <source>No credit left</source>
        <translation>Dim credyd ar ôl</translation>
    </message>
    <message>
        <source>Days left: not known yet</source>
        <translation>Dyddiau ar ôl: ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>Less than a day left at your recent use</source>
        <translation>Llai na diwrnod ar ôl ar eich defnydd diweddar</translation>
    </message>
    <message>
        <source>About 1 day left at your recent use</source>
        <translation>Tua 1 diwrnod ar ôl ar eich defnydd diweddar</translation>
    </message>
    <message>
        <source>About %1 days left at your recent use</source>
        <translation>Tua %1 diwrnod ar ôl ar eich defnydd diweddar</translation>
    </message>
    <message>
        <source>Using emergency credit: %1 left</source>
        <translation>Yn defnyddio credyd argyfwng: %1 ar ôl</translation>
    </message>
    <message>
        <source>Emergency credit available: %1</source>
        <translation>Credyd argyfwng ar gael: %1</translation>
    </message>
    <message>
        <source>Emergency credit: %1 when your credit runs low</source>
        <translation>Credyd argyfwng: %1 pan fydd eich credyd yn isel</translation>
    </message>
    <message>
        <source>No emergency credit</source>
        <translation>Dim credyd argyfwng</translation>
    </message>
    <message>
        <source>No debt</source>
        <translation>Dim dyled</translation>
    </message>
    <message>
        <source>Debt %1, repaid at %2 a week and %3% of each top-up</source>
        <translation>Dyled %1, yn cael ei thalu&apos;n ôl ar %2 yr wythnos a %3% o bob ychwanegiad</translation>
    </message>
    <message>
        <source>Debt %1, repaid at %2 a week</source>
        <translation>Dyled %1, yn cael ei thalu&apos;n ôl ar %2 yr wythnos</translation>
    </message>
    <message>
        <source>Debt %1, repaid from %2% of each top-up</source>
        <translation>Dyled %1, yn cael ei thalu&apos;n ôl o %2% o bob ychwanegiad</translation>
    </message>
    <message>
        <source>Debt %1</source>
        <translation>Dyled %1</translation>
    </message>
    <message>
        <source>Supply: on</source>
        <translation>Cyflenwad: ymlaen</translation>
    </message>
    <message>
        <source>Supply: off – ready; turn it back on at the gas meter</source>
        <translation>Cyflenwad: i ffwrdd – yn barod; trowch ef yn ôl ymlaen wrth y mesurydd nwy</translation>
    </message>
    <message>
        <source>Supply: off – ready to turn back on</source>
        <translation>Cyflenwad: i ffwrdd – yn barod i’w droi’n ôl ymlaen</translation>
    </message>
    <message>
        <source>Supply: off – credit has run out; please top up</source>
        <translation>Cyflenwad: i ffwrdd – mae’r credyd wedi dod i ben; ychwanegwch gredyd</translation>
    </message>
    <message>
        <source>Supply: off</source>
        <translation>Cyflenwad: i ffwrdd</translation>
    </message>
</context>
<context>
    <name>BudgetScreen</name>
    <message>
        <source>Which budget to show</source>
        <translation>Pa gyllideb i&apos;w dangos</translation>
    </message>
    <message>
        <source>Lower the budget</source>
        <translation>Gostwng y gyllideb</translation>
    </message>
    <message>
        <source>Raise the budget</source>
        <translation>Codi&apos;r gyllideb</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Cyllideb wedi&apos;i gwario</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>wedi&apos;i wario</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Yr wythnos hon</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Y mis hwn</translation>
    </message>
    <message>
        <source>%1 a day</source>
        <translation>%1 y dydd</translation>
    </message>
    <message>
        <source>%1 a week</source>
        <translation>%1 yr wythnos</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 y mis</translation>
    </message>
    <message>
        <source>No budget set – press + to set one</source>
        <translation>Dim cyllideb – pwyswch + i osod un</translation>
    </message>
    <message>
        <source>Gas and electricity with standing charges, VAT included.</source>
        <translation>Nwy a thrydan gyda thaliadau sefydlog, TAW wedi&apos;i chynnwys.</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Ar y trywydd iawn</translation>
    </message>
    <message>
        <source>Nearly at your budget</source>
        <translation>Bron â chyrraedd eich cyllideb</translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation>Dros y gyllideb</translation>
    </message>
    <message>
        <source>%1 left.</source>
        <translation>%1 ar ôl.</translation>
    </message>
    <message>
        <source>%1 over.</source>
        <translation>%1 drosodd.</translation>
    </message>
    <message>
        <source>So far today %1% of yesterday&apos;s %2</source>
        <translation>Hyd yma heddiw, %1% o %2 ddoe</translation>
    </message>
    <message>
        <source>So far this week %1% of last week&apos;s %2</source>
        <translation>Hyd yma&apos;r wythnos hon, %1% o %2 yr wythnos diwethaf</translation>
    </message>
    <message>
        <source>So far this month %1% of last month&apos;s %2</source>
        <translation>Hyd yma&apos;r mis hwn, %1% o %2 y mis diwethaf</translation>
    </message>
    <message>
        <source>You have gone over your budget for %1.</source>
        <translation>Rydych wedi mynd dros eich cyllideb ar gyfer %1.</translation>
    </message>
</context>
<context>
    <name>CadDevice</name>
    <message>
        <source>with the hub&apos;s passkey</source>
        <translation>gyda chyfrinair y both</translation>
    </message>
    <message>
        <source>remotely, through the supplier</source>
        <translation>o bell, drwy&apos;r cyflenwr</translation>
    </message>
    <message>
        <source>by the installer</source>
        <translation>gan y gosodwr</translation>
    </message>
    <message>
        <source>This CAD</source>
        <translation>Y CAD hwn</translation>
    </message>
    <message>
        <source>Paired with hub</source>
        <translation>Wedi&apos;i baru â&apos;r both</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>Wedi&apos;i baru</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Ers</translation>
    </message>
    <message>
        <source>Unpair this CAD…</source>
        <translation>Dadbaru&apos;r CAD hwn…</translation>
    </message>
    <message>
        <source>Yes, unpair</source>
        <translation>Ie, dadbaru</translation>
    </message>
    <message>
        <source>Keep it paired</source>
        <translation>Ei gadw wedi&apos;i baru</translation>
    </message>
    <message>
        <source>⚠ After unpairing, this CAD stops reading your meters until it is paired again. Its log of your readings is kept.</source>
        <translation>⚠ Ar ôl dadbaru, bydd y CAD hwn yn peidio â darllen eich mesuryddion nes iddo gael ei baru eto. Cedwir ei gofnod o&apos;ch darlleniadau.</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>dim yn hysbys eto</translation>
    </message>
</context>
<context>
    <name>CadFeed</name>
    <message>
        <source>Publish the readings to an MQTT broker, in the topics smart-meter tools use.</source>
        <translation>Cyhoeddi&apos;r darlleniadau i frocer MQTT, yn y pynciau y mae offer mesuryddion clyfar yn eu defnyddio.</translation>
    </message>
    <message>
        <source>Broker host</source>
        <translation>Gwesteiwr y brocer</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porth</translation>
    </message>
    <message>
        <source>Topic prefix</source>
        <translation>Rhagddodiad pwnc</translation>
    </message>
    <message>
        <source>User name (optional)</source>
        <translation>Enw defnyddiwr (dewisol)</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Cyfrinair (dewisol)</translation>
    </message>
    <message>
        <source>CA certificate (optional)</source>
        <translation>Tystysgrif CA (dewisol)</translation>
    </message>
    <message>
        <source>Broker and port</source>
        <translation>Brocer a phorth</translation>
    </message>
    <message>
        <source>Log-in (optional)</source>
        <translation>Mewngofnodi (dewisol)</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>enw defnyddiwr</translation>
    </message>
    <message>
        <source>password</source>
        <translation>cyfrinair</translation>
    </message>
    <message>
        <source>Announce the sensors to Home Assistant</source>
        <translation>Cyhoeddi&apos;r synwyryddion i Home Assistant</translation>
    </message>
    <message>
        <source>Encrypt (TLS)</source>
        <translation>Amgryptio (TLS)</translation>
    </message>
    <message>
        <source>the broker&apos;s CA file; empty: the system&apos;s</source>
        <translation>ffeil CA y brocer; gwag: un y system</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Cadw a chysylltu</translation>
    </message>
    <message>
        <source>Turn the feed off</source>
        <translation>Diffodd y ffrwd</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Could not save the settings (%1).</source>
        <translation>Methu cadw&apos;r gosodiadau (%1).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>The feed is off.</source>
        <translation>Mae&apos;r ffrwd i ffwrdd.</translation>
    </message>
    <message>
        <source>The broker host must be a name or address, such as 192.168.1.20.</source>
        <translation>Rhaid i westeiwr y brocer fod yn enw neu&apos;n gyfeiriad, fel 192.168.1.20.</translation>
    </message>
    <message>
        <source>There is no CA certificate file at that path.</source>
        <translation>Nid oes ffeil tystysgrif CA yn y llwybr hwnnw.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Rhaid i&apos;r porth fod yn rhif rhwng 1 a 65535.</translation>
    </message>
    <message>
        <source>The topic prefix must be a plain topic such as glow, without + or #.</source>
        <translation>Rhaid i&apos;r rhagddodiad fod yn bwnc syml fel glow, heb + na #.</translation>
    </message>
    <message>
        <source>The saved feed settings are damaged; the feed is off until you save.</source>
        <translation>Mae gosodiadau cadw&apos;r ffrwd wedi&apos;u difrodi; mae&apos;r ffrwd i ffwrdd nes i chi gadw.</translation>
    </message>
    <message>
        <source>Off – set a broker to publish.</source>
        <translation>I ffwrdd – gosodwch frocer i gyhoeddi.</translation>
    </message>
    <message>
        <source>Publishing to %1:%2 under %3 (availability on %4).</source>
        <translation>Yn cyhoeddi i %1:%2 dan %3 (argaeledd ar %4).</translation>
    </message>
    <message>
        <source>Cannot reach the broker at %1:%2; trying again. Check it is running.</source>
        <translation>Methu cyrraedd y brocer yn %1:%2; yn trio eto. Gwiriwch ei fod yn rhedeg.</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Yn cysylltu â %1:%2…</translation>
    </message>
    <message>
        <source>The feed starts once the CAD is paired.</source>
        <translation>Mae&apos;r ffrwd yn dechrau unwaith y bydd y CAD wedi&apos;i baru.</translation>
    </message>
</context>
<context>
    <name>CadPairing</name>
    <message>
        <source>Paired. This CAD can now read your meters.</source>
        <translation>Wedi paru. Gall y CAD hwn ddarllen eich mesuryddion nawr.</translation>
    </message>
    <message>
        <source>The hub did not accept that passkey. Check the ten digits on your hub&apos;s label and try again.</source>
        <translation>Ni dderbyniodd yr hwb y cyfrinair hwnnw. Gwiriwch y deg digid ar label eich hwb a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The hub is not listening. Press the pairing button on your hub, then try again within 3 minutes.</source>
        <translation>Nid yw&apos;r hwb yn gwrando. Pwyswch y botwm paru ar eich hwb, yna rhowch gynnig arall arni o fewn 3 munud.</translation>
    </message>
    <message>
        <source>The hub did not answer. Move the CAD closer to the hub and try again.</source>
        <translation>Ni atebodd yr hwb. Symudwch y CAD yn nes at yr hwb a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>The passkey has ten digits (you typed %1).</source>
        <translation>Mae gan y cyfrinair ddeg digid (teipiwch chi %1).</translation>
    </message>
    <message>
        <source>This display cannot pair: it has no HAN radio.</source>
        <translation>Ni all y sgrin hon baru: nid oes ganddi radio HAN.</translation>
    </message>
    <message>
        <source>Your smart meter hub has been replaced. Pair this CAD with the new hub; its log of your readings is kept.</source>
        <translation>Mae both eich mesurydd clyfar wedi&apos;i newid. Parwch y CAD hwn â&apos;r both newydd; cedwir ei gofnod o&apos;ch darlleniadau.</translation>
    </message>
    <message>
        <source>Unpaired: the hub no longer lets this CAD read your meters. Its log is kept; pair again whenever you like.</source>
        <translation>Wedi dadbaru: nid yw&apos;r both yn gadael i&apos;r CAD hwn ddarllen eich mesuryddion mwyach. Cedwir ei gofnod; parwch eto pryd bynnag y mynnwch.</translation>
    </message>
    <message>
        <source>Pair this CAD with your smart meters</source>
        <translation>Paru&apos;r CAD hwn â&apos;ch mesuryddion clyfar</translation>
    </message>
    <message>
        <source>With the hub&apos;s passkey</source>
        <translation>Gyda chyfrinair yr hwb</translation>
    </message>
    <message>
        <source>Through your supplier</source>
        <translation>Drwy eich cyflenwr</translation>
    </message>
    <message>
        <source>1. Press the pairing button on your communications hub.
2. Within 3 minutes, type the hub&apos;s passkey (ten digits, on the label of the hub) and choose Pair.</source>
        <translation>1. Pwyswch y botwm paru ar eich hwb cyfathrebu.
2. O fewn 3 munud, teipiwch gyfrinair yr hwb (deg digid, ar label yr hwb) a dewiswch Paru.</translation>
    </message>
    <message>
        <source>Ten-digit passkey</source>
        <translation>Cyfrinair deg digid</translation>
    </message>
    <message>
        <source>Hub passkey</source>
        <translation>Cyfrinair yr hwb</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paru</translation>
    </message>
    <message>
        <source>Ask your energy supplier to pair this CAD. They will show a customer identification number (CIN) on your in-home display: read it to them, with this CAD&apos;s number and install code below.</source>
        <translation>Gofynnwch i&apos;ch cyflenwr ynni baru&apos;r CAD hwn. Byddan nhw&apos;n dangos rhif adnabod cwsmer (CIN) ar eich dangosydd yn y cartref: darllenwch ef iddyn nhw, gyda rhif a chod gosod y CAD hwn isod.</translation>
    </message>
    <message>
        <source>CAD number (EUI-64)</source>
        <translation>Rhif y CAD (EUI-64)</translation>
    </message>
    <message>
        <source>Install code</source>
        <translation>Cod gosod</translation>
    </message>
    <message>
        <source>Emulated home (demo only – not part of the CAD)</source>
        <translation>Cartref efelychiedig (arddangosiad yn unig – nid yw&apos;n rhan o&apos;r CAD)</translation>
    </message>
    <message>
        <source>Press the pairing button on the hub</source>
        <translation>Pwyso&apos;r botwm paru ar yr hwb</translation>
    </message>
    <message>
        <source>Passkey on the hub&apos;s label: %1</source>
        <translation>Cyfrinair ar label yr hwb: %1</translation>
    </message>
    <message>
        <source>Supplier sends a CIN to the IHD</source>
        <translation>Y cyflenwr yn anfon CIN i&apos;r IHD</translation>
    </message>
    <message>
        <source>CIN from the IHD</source>
        <translation>CIN o&apos;r IHD</translation>
    </message>
    <message>
        <source>Call the supplier</source>
        <translation>Ffonio&apos;r cyflenwr</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Yn gofyn i&apos;r hwb…</translation>
    </message>
    <message>
        <source>The hub is listening for 3 minutes.</source>
        <translation>Mae&apos;r hwb yn gwrando am 3 munud.</translation>
    </message>
    <message>
        <source>The supplier has sent a CIN to your in-home display.</source>
        <translation>Mae&apos;r cyflenwr wedi anfon CIN i&apos;ch dangosydd yn y cartref.</translation>
    </message>
    <message>
        <source>The in-home display shows: CIN %1</source>
        <translation>Mae&apos;r dangosydd yn y cartref yn dangos: CIN %1</translation>
    </message>
    <message>
        <source>The supplier says: %1</source>
        <translation>Mae&apos;r cyflenwr yn dweud: %1</translation>
    </message>
</context>
<context>
    <name>CadShell</name>
    <message>
        <source>Live</source>
        <translation>Byw</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Tariff and cost</source>
        <translation>Tariff a chost</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Ffrwd</translation>
    </message>
    <message>
        <source>This CAD</source>
        <translation>Y CAD hwn</translation>
    </message>
    <message>
        <source>Consumer Access Device – read-only; it keeps a log</source>
        <translation>Dyfais Mynediad Defnyddwyr – darllen yn unig; mae&apos;n cadw cofnod</translation>
    </message>
</context>
<context>
    <name>CadViews</name>
    <message>
        <source>Electricity now</source>
        <translation>Trydan nawr</translation>
    </message>
    <message>
        <source>Costing per hour</source>
        <translation>Yn costio yr awr</translation>
    </message>
    <message>
        <source>Electricity today</source>
        <translation>Trydan heddiw</translation>
    </message>
    <message>
        <source>Waiting for the meter…</source>
        <translation>Yn aros am y mesurydd…</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>an hour</source>
        <translation>yr awr</translation>
    </message>
    <message>
        <source>Rate now</source>
        <translation>Cyfradd nawr</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Pris uned</translation>
    </message>
    <message>
        <source>Standing charge</source>
        <translation>Tâl sefydlog</translation>
    </message>
    <message>
        <source>Next price</source>
        <translation>Pris nesaf</translation>
    </message>
    <message>
        <source>Cost this week</source>
        <translation>Cost yr wythnos hon</translation>
    </message>
    <message>
        <source>Cost this month</source>
        <translation>Cost y mis hwn</translation>
    </message>
    <message>
        <source>%1p per kWh</source>
        <translation>%1c y kWh</translation>
    </message>
    <message>
        <source>%1p a day</source>
        <translation>%1c y dydd</translation>
    </message>
    <message>
        <source>%1p per kWh from %2</source>
        <translation>%1c y kWh o %2</translation>
    </message>
    <message>
        <source>Electricity used, each half hour (kWh)</source>
        <translation>Trydan a ddefnyddiwyd, bob hanner awr (kWh)</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Y diwrnod diwethaf</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Y 7 diwrnod diwethaf</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Y 30 diwrnod diwethaf</translation>
    </message>
    <message>
        <source>%1 kWh in all</source>
        <translation>%1 kWh i gyd</translation>
    </message>
    <message>
        <source>%1 %2: %3 kWh</source>
        <translation>%1 %2: %3 kWh</translation>
    </message>
    <message>
        <source>From (UTC day)</source>
        <translation>O (diwrnod UTC)</translation>
    </message>
    <message>
        <source>To (UTC day)</source>
        <translation>I (diwrnod UTC)</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>Tanwydd</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Fformat</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Allforio…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Dim byd wedi&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation>Cadwyd %1 rhes yn %2</translation>
    </message>
    <message>
        <source>the day before</source>
        <translation>&apos;r diwrnod cynt</translation>
    </message>
    <message>
        <source>the 7 days before</source>
        <translation>&apos;r 7 diwrnod cynt</translation>
    </message>
    <message>
        <source>the 30 days before</source>
        <translation>&apos;r 30 diwrnod cynt</translation>
    </message>
    <message>
        <source>about the same as %1</source>
        <translation>tua&apos;r un faint â%1</translation>
    </message>
    <message>
        <source>%1% more than %2</source>
        <translation>%1% yn fwy na%2</translation>
    </message>
    <message>
        <source>%1% less than %2</source>
        <translation>%1% yn llai na%2</translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>Today %1</source>
        <translation>Heddiw %1</translation>
    </message>
    <message>
        <source>This week %1</source>
        <translation>Yr wythnos hon %1</translation>
    </message>
    <message>
        <source>This month %1</source>
        <translation>Y mis hwn %1</translation>
    </message>
    <message>
        <source>These 12 months %1</source>
        <translation>Y 12 mis hyn %1</translation>
    </message>
    <message>
        <source>yesterday by this time</source>
        <translation>&apos;r diwrnod cynt erbyn yr amser hwn</translation>
    </message>
    <message>
        <source>last week by this time</source>
        <translation>&apos;r wythnos diwethaf erbyn yr amser hwn</translation>
    </message>
    <message>
        <source>last month by this time</source>
        <translation>&apos;r mis diwethaf erbyn yr amser hwn</translation>
    </message>
    <message>
        <source>the 12 months before by this time</source>
        <translation>&apos;r 12 mis cynt erbyn yr amser hwn</translation>
    </message>
    <message>
        <source>the day before</source>
        <translation>&apos;r diwrnod cynt</translation>
    </message>
    <message>
        <source>the week before</source>
        <translation>&apos;r wythnos cynt</translation>
    </message>
    <message>
        <source>the month before</source>
        <translation>&apos;r mis cynt</translation>
    </message>
    <message>
        <source>the 12 months before</source>
        <translation>&apos;r 12 mis cynt</translation>
    </message>
    <message>
        <source>about the same as %1</source>
        <translation>tua&apos;r un faint â%1</translation>
    </message>
    <message>
        <source>%1% more than %2</source>
        <translation>%1% yn fwy na%2</translation>
    </message>
    <message>
        <source>%1% less than %2</source>
        <translation>%1% yn llai na%2</translation>
    </message>
    <message>
        <source>most on %1, %2</source>
        <translation>mwyaf ar %1, %2</translation>
    </message>
    <message>
        <source>least on %1, %2</source>
        <translation>lleiaf ar %1, %2</translation>
    </message>
    <message>
        <source>cheapest %1</source>
        <translation>rhataf %1</translation>
    </message>
    <message>
        <source>dearest %1</source>
        <translation>drutaf %1</translation>
    </message>
</context>
<context>
    <name>CreditAlarm</name>
    <message>
        <source>Gas credit has run out: the supply is off.</source>
        <translation>Mae&apos;r credyd nwy wedi dod i ben: mae&apos;r cyflenwad i ffwrdd.</translation>
    </message>
    <message>
        <source>Electricity credit has run out: the supply is off.</source>
        <translation>Mae&apos;r credyd trydan wedi dod i ben: mae&apos;r cyflenwad i ffwrdd.</translation>
    </message>
    <message>
        <source>Gas is now using emergency credit. Please top up soon.</source>
        <translation>Mae&apos;r nwy bellach yn defnyddio credyd argyfwng. Ychwanegwch gredyd yn fuan.</translation>
    </message>
    <message>
        <source>Electricity is now using emergency credit. Please top up soon.</source>
        <translation>Mae&apos;r trydan bellach yn defnyddio credyd argyfwng. Ychwanegwch gredyd yn fuan.</translation>
    </message>
    <message>
        <source>Gas credit is low. Please top up soon.</source>
        <translation>Mae credyd nwy yn isel. Ychwanegwch gredyd yn fuan.</translation>
    </message>
    <message>
        <source>Electricity credit is low. Please top up soon.</source>
        <translation>Mae credyd trydan yn isel. Ychwanegwch gredyd yn fuan.</translation>
    </message>
</context>
<context>
    <name>EmergencyScreen</name>
    <message>
        <source>Emergency credit is not available now.</source>
        <translation>Nid oes credyd argyfwng ar gael nawr.</translation>
    </message>
    <message>
        <source>You can use %1 of emergency credit for your gas. It is a loan: it will be taken back from your next gas top-up.</source>
        <translation>Gallwch ddefnyddio %1 o gredyd brys ar gyfer eich nwy. Benthyciad yw e: caiff ei gymryd yn ôl o&apos;ch ychwanegiad nwy nesaf.</translation>
    </message>
    <message>
        <source>You can use %1 of emergency credit. It is a loan: it will be taken back from your next top-up.</source>
        <translation>Gallwch ddefnyddio %1 o gredyd argyfwng. Benthyciad yw hwn: caiff ei gymryd yn ôl o’ch credyd nesaf.</translation>
    </message>
    <message>
        <source>Emergency credit is on. It will be repaid from your next top-up.</source>
        <translation>Mae credyd argyfwng ymlaen. Caiff ei ad-dalu o’ch credyd nesaf.</translation>
    </message>
    <message>
        <source>The meter did not turn emergency credit on.</source>
        <translation>Ni wnaeth y mesurydd droi credyd argyfwng ymlaen.</translation>
    </message>
    <message>
        <source>Emergency credit</source>
        <translation>Credyd argyfwng</translation>
    </message>
    <message>
        <source>Use emergency credit</source>
        <translation>Defnyddio credyd argyfwng</translation>
    </message>
    <message>
        <source>Tell the meter to start using emergency credit</source>
        <translation>Dweud wrth y mesurydd am ddechrau defnyddio credyd argyfwng</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Back to your balance</source>
        <translation>Yn ôl at eich balans</translation>
    </message>
</context>
<context>
    <name>Experience</name>
    <message>
        <source>In-Home Display</source>
        <translation>Dangosydd yn y Cartref</translation>
    </message>
    <message>
        <source>Prepayment Meter Interface Device</source>
        <translation>Dyfais Rhyngwyneb Mesurydd Talu Ymlaen Llaw</translation>
    </message>
    <message>
        <source>Consumer Access Device</source>
        <translation>Dyfais Mynediad Defnyddwyr</translation>
    </message>
</context>
<context>
    <name>HistoryNotice</name>
    <message>
        <source>History is not being saved: the data folder is full or read-only. Live readings carry on, and saving starts again by itself when there is room.</source>
        <translation>Nid yw’r hanes yn cael ei gadw: mae’r ffolder data yn llawn neu’n ddarllen-yn-unig. Mae’r darlleniadau byw yn parhau, a bydd yn dechrau cadw eto ar ei ben ei hun pan fydd lle.</translation>
    </message>
    <message>
        <source>The saved history was damaged, so it was set aside as %1 and a new history started.</source>
        <translation>Roedd yr hanes a gadwyd wedi’i ddifrodi, felly fe’i rhoddwyd o’r neilltu fel %1 a dechreuwyd hanes newydd.</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Chart</source>
        <translation>Siart</translation>
    </message>
    <message>
        <source>Use as a chart</source>
        <translation>Eich defnydd fel siart</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Cyfansymiau</translation>
    </message>
    <message>
        <source>Today, this week, month and year</source>
        <translation>Heddiw, yr wythnos hon, y mis hwn ac eleni</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Wythnos</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mis</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Blwyddyn</translation>
    </message>
    <message>
        <source>How much time the chart shows</source>
        <translation>Faint o amser y mae&apos;r siart yn ei ddangos</translation>
    </message>
    <message>
        <source>Which fuel the chart shows</source>
        <translation>Pa danwydd y mae&apos;r siart yn ei ddangos</translation>
    </message>
    <message>
        <source>Energy in kilowatt hours</source>
        <translation>Ynni mewn cilowat oriau</translation>
    </message>
    <message>
        <source>Cost in pounds</source>
        <translation>Cost mewn punnoedd</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Cynt</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Cynt</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Wedyn ▶</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Wedyn</translation>
    </message>
    <message>
        <source>Chart of your energy use</source>
        <translation>Siart o&apos;ch defnydd o ynni</translation>
    </message>
    <message>
        <source>Left and Right arrows choose a bar; its value is said below</source>
        <translation>Mae&apos;r saethau Chwith a De yn dewis bar; dywedir ei werth isod</translation>
    </message>
    <message>
        <source>Looking for your meter…</source>
        <translation>Yn chwilio am eich mesurydd…</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Y ddau</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>dydd Llun</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dydd Mawrth</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>dydd Mercher</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>dydd Iau</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>dydd Gwener</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>dydd Sadwrn</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dydd Sul</translation>
    </message>
    <message>
        <source>Prices include VAT at 5 %.</source>
        <translation>Mae&apos;r prisiau&apos;n cynnwys TAW ar 5 %.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Yr wythnos hon</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Y mis hwn</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Eleni</translation>
    </message>
    <message>
        <source>This meter ends its day at %1: yesterday is %2 hours</source>
        <translation>Mae&apos;r mesurydd hwn yn gorffen ei ddiwrnod am %1: mae ddoe yn %2 awr</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>Standing charge %1 a day, not in the totals above</source>
        <translation>Tâl sefydlog %1 y dydd, heb ei gynnwys yn y cyfansymiau uchod</translation>
    </message>
    <message>
        <source>Yesterday %1: %2 less than the %3 before</source>
        <translation>Ddoe %1: %2 yn llai na&apos;r %3 cynt</translation>
    </message>
    <message>
        <source>Yesterday %1: %2 more than the %3 before</source>
        <translation>Ddoe %1: %2 yn fwy na&apos;r %3 cynt</translation>
    </message>
    <message>
        <source>Yesterday %1: the same as the %3 before</source>
        <translation>Ddoe %1: yr un fath â&apos;r %3 cynt</translation>
    </message>
    <message>
        <source>Tap a bar to see its value.</source>
        <translation>Tapiwch far i weld ei werth.</translation>
    </message>
    <message>
        <source>no record</source>
        <translation>dim cofnod</translation>
    </message>
    <message>
        <source>No record for this time yet.</source>
        <translation>Dim cofnod ar gyfer yr amser hwn eto.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Cyfanswm %1</translation>
    </message>
</context>
<context>
    <name>HomeScreenView</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>Dim negeseuon heb eu darllen</numerusform>
            <numerusform>%n neges heb ei darllen</numerusform>
            <numerusform>%n neges heb eu darllen</numerusform>
            <numerusform>%n neges heb eu darllen</numerusform>
            <numerusform>%n neges heb eu darllen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskMenu</name>
    <message>
        <source>Kiosk</source>
        <translation>Ciosg</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Gadael modd ciosg</translation>
    </message>
    <message>
        <source>Back to the display</source>
        <translation>Yn ôl i’r dangosydd</translation>
    </message>
</context>
<context>
    <name>KioskPin</name>
    <message>
        <source>Type the new PIN</source>
        <translation>Teipiwch y PIN newydd</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Teipiwch y PIN newydd eto</translation>
    </message>
    <message>
        <source>Enter the kiosk PIN</source>
        <translation>Rhowch PIN y ciosg</translation>
    </message>
    <message>
        <source>The PIN has at least %1 digits.</source>
        <translation>Mae gan y PIN o leiaf %1 digid.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Nid yw’r PIN hwnnw’n gywir. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Gormod o PINau anghywir. Rhowch gynnig arall arni ymhen %1 eiliad.</translation>
    </message>
    <message>
        <source>%1 digits entered</source>
        <translation>%1 digid wedi’u rhoi</translation>
    </message>
    <message>
        <source>For the person who looks after this display. Cancel goes back to it.</source>
        <translation>I’r person sy’n gofalu am y dangosydd hwn. Mae Canslo yn mynd yn ôl ato.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clirio</translation>
    </message>
    <message>
        <source>Remove the last digit</source>
        <translation>Tynnu’r digid olaf</translation>
    </message>
    <message>
        <source>Remove every digit</source>
        <translation>Tynnu pob digid</translation>
    </message>
</context>
<context>
    <name>KioskSettings</name>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Testun mawr</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 eiliad</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 munud</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Heb ei gadw: %1</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Gosodiadau’r ciosg</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Text and colours</source>
        <translation>Testun a lliwiau</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Disgleirdeb</translation>
    </message>
    <message>
        <source>Rest after</source>
        <translation>Gorffwys ar ôl</translation>
    </message>
    <message>
        <source>Screen off at night</source>
        <translation>Sgrin i ffwrdd yn y nos</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tan</translation>
    </message>
    <message>
        <source>HAN source</source>
        <translation>Ffynhonnell y HAN</translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation>Newid y PIN</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>LowCreditAlarm</name>
    <message>
        <source>Your credit is low. Please top up soon.</source>
        <translation>Mae’ch credyd yn isel. Ychwanegwch gredyd yn fuan.</translation>
    </message>
</context>
<context>
    <name>MessagesScreen</name>
    <message>
        <source>Previous</source>
        <translation>Blaenorol</translation>
    </message>
    <message>
        <source>Newer message</source>
        <translation>Neges fwy diweddar</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nesaf</translation>
    </message>
    <message>
        <source>Older message</source>
        <translation>Neges hŷn</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Cadarnhau</translation>
    </message>
    <message>
        <source>Tell your supplier you have read this message</source>
        <translation>Dweud wrth eich cyflenwr eich bod wedi darllen y neges hon</translation>
    </message>
    <message>
        <source>✉ New message</source>
        <translation>✉ Neges newydd</translation>
    </message>
    <message>
        <source>Show the message that has just come</source>
        <translation>Dangos y neges sydd newydd gyrraedd</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>Supplier messages are not available from this source.</source>
        <translation>Nid yw negeseuon gan eich cyflenwr ar gael o’r ffynhonnell hon.</translation>
    </message>
    <message>
        <source>No messages from your supplier.</source>
        <translation>Dim negeseuon gan eich cyflenwr.</translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation>Neges %1 o %2</translation>
    </message>
    <message>
        <source>Received %1 at %2</source>
        <translation>Derbyniwyd %1 am %2</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Pwysig</translation>
    </message>
    <message>
        <source>You confirmed this message at %1.</source>
        <translation>Cadarnhawyd y neges hon am %1.</translation>
    </message>
    <message>
        <source>Telling your supplier…</source>
        <translation>Yn rhoi gwybod i&apos;ch cyflenwr…</translation>
    </message>
    <message>
        <source>Could not reach the smart meter hub. Please try again.</source>
        <translation>Methu cysylltu â hyb y mesurydd clyfar. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Your supplier asks you to confirm you have read this message.</source>
        <translation>Mae eich cyflenwr yn gofyn i chi gadarnhau eich bod wedi darllen y neges hon.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>Your energy use and cost right now and today</source>
        <translation>Eich defnydd o ynni a&apos;i gost ar hyn o bryd a heddiw</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Your energy use and cost by half hour, day and month</source>
        <translation>Eich defnydd o ynni a&apos;i gost fesul hanner awr, diwrnod a mis</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mwy</translation>
    </message>
    <message>
        <source>Tariff, budget and prepayment credit</source>
        <translation>Tariff, cyllideb a chredyd rhagdalu</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Your prices now and next, and the standing charge</source>
        <translation>Eich prisiau nawr a nesaf, a&apos;r tâl sefydlog</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Cyllideb</translation>
    </message>
    <message>
        <source>Your spending against your budget</source>
        <translation>Eich gwariant o&apos;i gymharu â&apos;ch cyllideb</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credyd</translation>
    </message>
    <message>
        <source>Your prepayment credit, emergency credit and debt</source>
        <translation>Eich credyd rhagdalu, credyd brys a dyled</translation>
    </message>
    <message>
        <source>Your network</source>
        <translation>Eich rhwydwaith</translation>
    </message>
    <message>
        <source>Add a device to this display&apos;s own network, back it up</source>
        <translation>Ychwanegu dyfais at rwydwaith y sgrin hon, a&apos;i gadw wrth gefn</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Negeseuon</translation>
    </message>
    <message>
        <source>Messages from your energy supplier</source>
        <translation>Negeseuon gan eich cyflenwr ynni</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Connection to your smart meters and their signal</source>
        <translation>Y cysylltiad â&apos;ch mesuryddion clyfar a&apos;u signal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Language, text size, colours and sound</source>
        <translation>Iaith, maint testun, lliwiau a sain</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Sgriniau</translation>
    </message>
    <message>
        <source>On show.</source>
        <translation>Ar y sgrin.</translation>
    </message>
</context>
<context>
    <name>NetworkScreen</name>
    <message>
        <source>Add a device</source>
        <translation>Ychwanegu dyfais</translation>
    </message>
    <message>
        <source>Open for 3 minutes</source>
        <translation>Agor am 3 munud</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>EUI-64</source>
        <translation>EUI-64</translation>
    </message>
    <message>
        <source>Install code</source>
        <translation>Cod gosod</translation>
    </message>
    <message>
        <source>Let it join</source>
        <translation>Gadael iddi ymuno</translation>
    </message>
    <message>
        <source>Put the device into pairing mode, then open the network for it.</source>
        <translation>Rhowch y ddyfais yn y modd paru, yna agorwch y rhwydwaith iddi.</translation>
    </message>
    <message>
        <source>Back up the network</source>
        <translation>Cadw&apos;r rhwydwaith wrth gefn</translation>
    </message>
    <message>
        <source>Install code…</source>
        <translation>Cod gosod…</translation>
    </message>
    <message>
        <source>For a device with an install code on its label</source>
        <translation>Ar gyfer dyfais â chod gosod ar ei label</translation>
    </message>
    <message>
        <source>✓ Open: new devices may join now.</source>
        <translation>✓ Ar agor: gall dyfeisiau newydd ymuno nawr.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Ar gau.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Ni anfonwyd dim.</translation>
    </message>
    <message>
        <source>✓ %1 may join with its install code for 3 minutes.</source>
        <translation>✓ Gall %1 ymuno â&apos;i god gosod am 3 munud.</translation>
    </message>
    <message>
        <source>✓ Backed up.</source>
        <translation>✓ Wedi&apos;i gadw wrth gefn.</translation>
    </message>
    <message>
        <source>An EUI-64 has 16 hex digits; this one has %1.</source>
        <translation>Mae gan EUI-64 16 digid hecs; mae gan hwn %1.</translation>
    </message>
    <message>
        <source>An install code has 16, 20, 28 or 36 hex digits; this one has %1.</source>
        <translation>Mae gan god gosod 16, 20, 28 neu 36 digid hecs; mae gan hwn %1.</translation>
    </message>
    <message>
        <source>The install code&apos;s check digits do not match: is a character mistyped?</source>
        <translation>Nid yw digidau gwirio&apos;r cod gosod yn cyfateb: a yw nod wedi&apos;i gamdeipio?</translation>
    </message>
    <message>
        <source>⚠ That did not work: %1</source>
        <translation>⚠ Ni weithiodd hynny: %1</translation>
    </message>
    <message>
        <source>Closed: no new device can join.</source>
        <translation>Ar gau: ni all dyfais newydd ymuno.</translation>
    </message>
    <message>
        <source>Open for new devices: %1 left</source>
        <translation>Ar agor i ddyfeisiau newydd: %1 ar ôl</translation>
    </message>
    <message>
        <source>✓ Joined: %1, %2</source>
        <translation>✓ Wedi ymuno: %1, %2</translation>
    </message>
    <message>
        <source>Not backed up yet.</source>
        <translation>Heb ei gadw wrth gefn eto.</translation>
    </message>
    <message>
        <source>Backed up at %1 to %2</source>
        <translation>Wedi&apos;i gadw wrth gefn am %1 i %2</translation>
    </message>
    <message>
        <source>an electricity meter</source>
        <translation>mesurydd trydan</translation>
    </message>
    <message>
        <source>a gas meter</source>
        <translation>mesurydd nwy</translation>
    </message>
    <message>
        <source>a power sensor</source>
        <translation>synhwyrydd pŵer</translation>
    </message>
    <message>
        <source>a communications hub</source>
        <translation>both cyfathrebu</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>dyfais</translation>
    </message>
</context>
<context>
    <name>NowScreen</name>
    <message>
        <source>Electricity now</source>
        <translation>Trydan nawr</translation>
    </message>
    <message>
        <source>Costing</source>
        <translation>Yn costio</translation>
    </message>
    <message>
        <source>Right now</source>
        <translation>Ar hyn o bryd</translation>
    </message>
    <message>
        <source>Last updated: not yet</source>
        <translation>Diweddarwyd ddiwethaf: dim eto</translation>
    </message>
    <message>
        <source>Open your messages from your supplier</source>
        <translation>Agor eich negeseuon gan eich cyflenwr</translation>
    </message>
    <message>
        <source>Looking for your meter…</source>
        <translation>Chwilio am eich mesurydd…</translation>
    </message>
    <message>
        <source>Still searching. Check the display is near the meter and the hub is powered.</source>
        <translation>Yn dal i chwilio. Gwnewch yn siŵr fod y dangosydd yn agos at y mesurydd a bod pŵer i&apos;r hyb.</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>yr awr</translation>
    </message>
    <message>
        <source>price not known yet</source>
        <translation>heb gael y pris eto</translation>
    </message>
    <message>
        <source>Gas today</source>
        <translation>Nwy heddiw</translation>
    </message>
    <message>
        <source>Electricity today</source>
        <translation>Trydan heddiw</translation>
    </message>
    <message>
        <source>plus standing charge %1 a day</source>
        <translation>a thâl sefydlog o %1 y dydd</translation>
    </message>
    <message>
        <source>Out of date: last heard from the meter at %1. Trying to reconnect…</source>
        <translation>Wedi dyddio: clywyd gan y mesurydd ddiwethaf am %1. Yn ceisio ailgysylltu…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Diweddarwyd %1</translation>
    </message>
</context>
<context>
    <name>OperatorConsole</name>
    <message>
        <source>Trial console – %1</source>
        <translation>Consol y treial – %1</translation>
    </message>
    <message>
        <source>Study %1 · home: %2 · record: %3</source>
        <translation>Astudiaeth %1 · cartref: %2 · cofnod: %3</translation>
    </message>
    <message>
        <source>The home</source>
        <translation>Y cartref</translation>
    </message>
    <message>
        <source>The scenario&apos;s script</source>
        <translation>Sgript y senario</translation>
    </message>
    <message>
        <source>Other displays</source>
        <translation>Dangosyddion eraill</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>yn dechrau…</translation>
    </message>
    <message>
        <source>What the %1 shows</source>
        <translation>Beth mae&apos;r %1 yn ei ddangos</translation>
    </message>
    <message>
        <source>Other displays, and screens last shown</source>
        <translation>Dangosyddion eraill, a&apos;r sgriniau a ddangoswyd ddiwethaf</translation>
    </message>
    <message>
        <source>Latest in the record</source>
        <translation>Y diweddaraf yn y cofnod</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Wedi cysylltu: %1</translation>
    </message>
    <message>
        <source>None attached over the network.</source>
        <translation>Dim un wedi cysylltu dros y rhwydwaith.</translation>
    </message>
    <message>
        <source>%1 last saw %2</source>
        <translation>Gwelodd %1 %2 ddiwethaf</translation>
    </message>
    <message>
        <source>Kettle on</source>
        <translation>Tegell ymlaen</translation>
    </message>
    <message>
        <source>Low credit (£1.80)</source>
        <translation>Credyd isel (£1.80)</translation>
    </message>
    <message>
        <source>Credit nearly gone (£0.60)</source>
        <translation>Credyd bron â gorffen (£0.60)</translation>
    </message>
    <message>
        <source>Price rise (10 %)</source>
        <translation>Codiad pris (10 %)</translation>
    </message>
    <message>
        <source>Supplier message</source>
        <translation>Neges gan y cyflenwr</translation>
    </message>
    <message>
        <source>Power cut (5 min)</source>
        <translation>Toriad pŵer (5 mun)</translation>
    </message>
    <message>
        <source>Disconnect supply</source>
        <translation>Datgysylltu&apos;r cyflenwad</translation>
    </message>
    <message>
        <source>Re-arm supply</source>
        <translation>Ailarfogi&apos;r cyflenwad</translation>
    </message>
    <message>
        <source>The home&apos;s clock</source>
        <translation>Cloc y cartref</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Saib</translation>
    </message>
    <message>
        <source>Clock speed</source>
        <translation>Cyflymder y cloc</translation>
    </message>
    <message>
        <source>The home now</source>
        <translation>Y cartref nawr</translation>
    </message>
    <message>
        <source>Make something happen</source>
        <translation>Gwneud i rywbeth ddigwydd</translation>
    </message>
    <message>
        <source>Top-up code for the participant</source>
        <translation>Cod ychwanegu credyd i&apos;r cyfranogwr</translation>
    </message>
    <message>
        <source>Value of the code</source>
        <translation>Gwerth y cod</translation>
    </message>
    <message>
        <source>Vend code</source>
        <translation>Creu cod</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Ailddechrau</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Wedi&apos;i wneud: %1</translation>
    </message>
    <message>
        <source>Credit: %1</source>
        <translation>Credyd: %1</translation>
    </message>
    <message>
        <source>Electricity in credit mode (no prepayment)</source>
        <translation>Trydan yn y modd credyd (dim rhagdalu)</translation>
    </message>
    <message>
        <source>Emergency credit: %1</source>
        <translation>Credyd brys: %1</translation>
    </message>
    <message>
        <source>Supply: %1</source>
        <translation>Cyflenwad: %1</translation>
    </message>
    <message>
        <source>Codes entered: %1, refused: %2</source>
        <translation>Codau a roddwyd: %1, a wrthodwyd: %2</translation>
    </message>
    <message>
        <source>Messages confirmed: %1</source>
        <translation>Negeseuon wedi&apos;u cadarnhau: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>i ffwrdd</translation>
    </message>
    <message>
        <source>armed (the household may switch it on)</source>
        <translation>yn barod (gall y cartref ei droi ymlaen)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ymlaen</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>ddim ar gael</translation>
    </message>
    <message>
        <source>available</source>
        <translation>ar gael</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>yn cael ei ddefnyddio</translation>
    </message>
    <message>
        <source>used up</source>
        <translation>wedi&apos;i ddefnyddio i gyd</translation>
    </message>
    <message>
        <source>Credit added: at least £%1</source>
        <translation>Credyd wedi&apos;i ychwanegu: o leiaf £%1</translation>
    </message>
    <message>
        <source>Emergency credit in use</source>
        <translation>Credyd brys yn cael ei ddefnyddio</translation>
    </message>
    <message>
        <source>Electricity supply on</source>
        <translation>Cyflenwad trydan ymlaen</translation>
    </message>
    <message>
        <source>A supplier message confirmed</source>
        <translation>Neges gan y cyflenwr wedi&apos;i chadarnhau</translation>
    </message>
    <message>
        <source>Display showed %1</source>
        <translation>Dangosodd y dangosydd %1</translation>
    </message>
    <message>
        <source>You judge it: mark success or failure</source>
        <translation>Chi sy&apos;n barnu: nodwch lwyddiant neu fethiant</translation>
    </message>
    <message>
        <source>Right answer: %1</source>
        <translation>Yr ateb cywir: %1</translation>
    </message>
    <message>
        <source>✓ success</source>
        <translation>✓ llwyddiant</translation>
    </message>
    <message>
        <source>✗ failure</source>
        <translation>✗ methiant</translation>
    </message>
    <message>
        <source>✗ out of time</source>
        <translation>✗ allan o amser</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– wedi&apos;i hepgor</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Cyfranogwr</translation>
    </message>
    <message>
        <source>Start participant</source>
        <translation>Dechrau cyfranogwr</translation>
    </message>
    <message>
        <source>Finish participant</source>
        <translation>Gorffen cyfranogwr</translation>
    </message>
    <message>
        <source>Tasks in this participant&apos;s order</source>
        <translation>Tasgau yn nhrefn y cyfranogwr hwn</translation>
    </message>
    <message>
        <source>Task now</source>
        <translation>Tasg nawr</translation>
    </message>
    <message>
        <source>Start next task</source>
        <translation>Dechrau&apos;r dasg nesaf</translation>
    </message>
    <message>
        <source>Mark success</source>
        <translation>Nodi llwyddiant</translation>
    </message>
    <message>
        <source>Mark failure</source>
        <translation>Nodi methiant</translation>
    </message>
    <message>
        <source>Skip task</source>
        <translation>Hepgor y dasg</translation>
    </message>
    <message>
        <source>Tasks, in this participant&apos;s order</source>
        <translation>Tasgau, yn nhrefn y cyfranogwr hwn</translation>
    </message>
    <message>
        <source>Choose a participant and start them.</source>
        <translation>Dewiswch gyfranogwr a&apos;i ddechrau.</translation>
    </message>
    <message>
        <source>The participant is answering a questionnaire.</source>
        <translation>Mae&apos;r cyfranogwr yn ateb holiadur.</translation>
    </message>
    <message>
        <source>%1 has done every task: finish the participant.</source>
        <translation>Mae %1 wedi gwneud pob tasg: gorffennwch y cyfranogwr.</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Nesaf: %1</translation>
    </message>
    <message>
        <source>The displays change to design %1.</source>
        <translation>Mae&apos;r dangosyddion yn newid i ddyluniad %1.</translation>
    </message>
    <message>
        <source>Code for the participant: %1</source>
        <translation>Cod i&apos;r cyfranogwr: %1</translation>
    </message>
    <message>
        <source>Success when: %1</source>
        <translation>Llwyddiant pan: %1</translation>
    </message>
    <message>
        <source>Time on task %1 of %2</source>
        <translation>Amser ar y dasg %1 o %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>ar waith</translation>
    </message>
    <message>
        <source>In a trial the script does not run by itself: choose an event and make it happen when you want it.</source>
        <translation>Mewn treial nid yw&apos;r sgript yn rhedeg ar ei phen ei hun: dewiswch ddigwyddiad a gwnewch iddo ddigwydd pan fynnwch.</translation>
    </message>
    <message>
        <source>The scenario&apos;s events</source>
        <translation>Digwyddiadau&apos;r senario</translation>
    </message>
    <message>
        <source>Make it happen now</source>
        <translation>Gwneud iddo ddigwydd nawr</translation>
    </message>
    <message>
        <source>Move the clock to it</source>
        <translation>Symud y cloc ato</translation>
    </message>
    <message>
        <source>Edit the scenario file…</source>
        <translation>Golygu ffeil y senario…</translation>
    </message>
    <message>
        <source>This scenario scripts nothing.</source>
        <translation>Nid yw&apos;r senario hwn yn sgriptio dim.</translation>
    </message>
    <message>
        <source>The home&apos;s clock is now at %1.</source>
        <translation>Mae cloc y cartref bellach am %1.</translation>
    </message>
    <message>
        <source>Scenario – %1</source>
        <translation>Senario – %1</translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation>Ffeil y senario</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Gwirio</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Cadw fel…</translation>
    </message>
    <message>
        <source>The running home stays as it is: to run the study on the edited scenario, start the console again with --scenario FILE.</source>
        <translation>Mae&apos;r cartref sy&apos;n rhedeg yn aros fel y mae: i redeg yr astudiaeth ar y senario wedi&apos;i olygu, dechreuwch y consol eto gyda --scenario FILE.</translation>
    </message>
    <message>
        <source>Good: “%1”, %2 scripted events.</source>
        <translation>Da: “%1”, %2 digwyddiad wedi&apos;u sgriptio.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Wedi&apos;i gadw fel %1.</translation>
    </message>
    <message>
        <source>Save the scenario as</source>
        <translation>Cadw&apos;r senario fel</translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation>Senarios (*.toml)</translation>
    </message>
    <message>
        <source>the study&apos;s own questions</source>
        <translation>cwestiynau&apos;r astudiaeth ei hun</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Holiadur</translation>
    </message>
    <message>
        <source>Skip questionnaire</source>
        <translation>Hepgor yr holiadur</translation>
    </message>
    <message>
        <source>Questionnaire: %1</source>
        <translation>Holiadur: %1</translation>
    </message>
    <message>
        <source>Participant displays on other screens attach with one of these EUI-64s and its install code:
python -m app --mode %1 --source %2 --display-ieee EUI64 --install-code CODE --trial %3 --participant ID
%4</source>
        <translation>Mae dangosyddion cyfranogwyr ar sgriniau eraill yn cysylltu ag un o’r EUI-64 hyn a’i god gosod:
python -m app --mode %1 --source %2 --display-ieee EUI64 --install-code CODE --trial %3 --participant ID
%4</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Arsylwi</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Arsylwr</translation>
    </message>
    <message>
        <source>A note at this moment</source>
        <translation>Nodyn ar yr eiliad hon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Latest observations</source>
        <translation>Yr arsylwadau diweddaraf</translation>
    </message>
    <message>
        <source>Start a participant first.</source>
        <translation>Dechreuwch gyfranogwr yn gyntaf.</translation>
    </message>
    <message>
        <source>Write the observer&apos;s name or initials first.</source>
        <translation>Ysgrifennwch enw neu lythrennau blaen yr arsylwr yn gyntaf.</translation>
    </message>
    <message>
        <source>start</source>
        <translation>dechrau</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stopio</translation>
    </message>
</context>
<context>
    <name>PpmidMessages</name>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Back to your balance</source>
        <translation>Yn ôl at eich balans</translation>
    </message>
</context>
<context>
    <name>PpmidShell</name>
    <message>
        <source>Silence</source>
        <translation>Tawelu</translation>
    </message>
    <message>
        <source>Stop the low-credit alarm sounding</source>
        <translation>Atal y larwm credyd isel rhag canu</translation>
    </message>
    <message>
        <source>Your credit</source>
        <translation>Eich credyd</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Ychwanegu credyd</translation>
    </message>
    <message>
        <source>Emergency credit</source>
        <translation>Credyd argyfwng</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Cyflenwad</translation>
    </message>
    <message>
        <source>Messages from your supplier</source>
        <translation>Negeseuon gan eich cyflenwr</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Ynghylch</translation>
    </message>
    <message>
        <source>Low electricity credit – please top up soon</source>
        <translation>Credyd trydan isel – ychwanegwch gredyd yn fuan</translation>
    </message>
    <message>
        <source>Low gas credit – please top up soon</source>
        <translation>Credyd nwy isel – ychwanegwch gredyd yn fuan</translation>
    </message>
    <message>
        <source>Low credit on electricity and gas – please top up soon</source>
        <translation>Credyd isel ar drydan a nwy – ychwanegwch gredyd yn fuan</translation>
    </message>
    <message>
        <source>Low credit – please top up soon</source>
        <translation>Credyd isel – ychwanegwch gredyd yn fuan</translation>
    </message>
</context>
<context>
    <name>PrepaymentScreen</name>
    <message>
        <source>Credit and top-up are not available from this source.</source>
        <translation>Nid yw credyd ac ychwanegu credyd ar gael o’r ffynhonnell hon.</translation>
    </message>
    <message>
        <source>No meter is in prepayment mode.</source>
        <translation>Nid oes mesurydd yn y modd rhagdalu.</translation>
    </message>
    <message>
        <source>To top up or use emergency credit, use your PPMID.</source>
        <translation>I ychwanegu credyd neu ddefnyddio credyd brys, defnyddiwch eich PPMID.</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>Days left: not known yet</source>
        <translation>Diwrnodau ar ôl: ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>About %1 days left at your usual spending</source>
        <translation>Tua %1 diwrnod ar ôl ar eich gwariant arferol</translation>
    </message>
    <message>
        <source>Debt %1</source>
        <translation>Dyled %1</translation>
    </message>
    <message>
        <source>No debt</source>
        <translation>Dim dyled</translation>
    </message>
    <message>
        <source>Credit has run out: the supply is off</source>
        <translation>Mae&apos;r credyd wedi dod i ben: mae&apos;r cyflenwad i ffwrdd</translation>
    </message>
    <message>
        <source>Using emergency credit</source>
        <translation>Yn defnyddio credyd brys</translation>
    </message>
    <message>
        <source>Credit is low: top up soon</source>
        <translation>Mae&apos;r credyd yn isel: ychwanegwch gredyd yn fuan</translation>
    </message>
    <message>
        <source>Credit left</source>
        <translation>Credyd ar ôl</translation>
    </message>
    <message>
        <source>Emergency credit in use: %1 left</source>
        <translation>Credyd brys yn cael ei ddefnyddio: %1 ar ôl</translation>
    </message>
    <message>
        <source>Emergency credit of %1 available</source>
        <translation>Credyd brys o %1 ar gael</translation>
    </message>
    <message>
        <source>Emergency credit %1</source>
        <translation>Credyd brys %1</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <source>Strongly disagree</source>
        <translation>Anghytuno&apos;n gryf</translation>
    </message>
    <message>
        <source>Strongly agree</source>
        <translation>Cytuno&apos;n gryf</translation>
    </message>
    <message>
        <source>I think that I would like to use this display frequently.</source>
        <translation>Rwy&apos;n meddwl yr hoffwn ddefnyddio&apos;r dangosydd hwn yn aml.</translation>
    </message>
    <message>
        <source>I found the display unnecessarily complex.</source>
        <translation>Roedd y dangosydd yn ddiangen o gymhleth yn fy marn i.</translation>
    </message>
    <message>
        <source>I thought the display was easy to use.</source>
        <translation>Roeddwn i&apos;n meddwl bod y dangosydd yn hawdd ei ddefnyddio.</translation>
    </message>
    <message>
        <source>I think that I would need the support of a technical person to be able to use this display.</source>
        <translation>Rwy&apos;n meddwl y byddai angen cymorth person technegol arnaf i allu defnyddio&apos;r dangosydd hwn.</translation>
    </message>
    <message>
        <source>I found the various functions in this display were well integrated.</source>
        <translation>Roedd swyddogaethau amrywiol y dangosydd hwn wedi&apos;u cydblethu&apos;n dda yn fy marn i.</translation>
    </message>
    <message>
        <source>I thought there was too much inconsistency in this display.</source>
        <translation>Roeddwn i&apos;n meddwl bod gormod o anghysondeb yn y dangosydd hwn.</translation>
    </message>
    <message>
        <source>I would imagine that most people would learn to use this display very quickly.</source>
        <translation>Byddwn i&apos;n dychmygu y byddai&apos;r rhan fwyaf o bobl yn dysgu defnyddio&apos;r dangosydd hwn yn gyflym iawn.</translation>
    </message>
    <message>
        <source>I found the display very cumbersome to use.</source>
        <translation>Roedd y dangosydd yn drwsgl iawn i&apos;w ddefnyddio yn fy marn i.</translation>
    </message>
    <message>
        <source>I felt very confident using the display.</source>
        <translation>Roeddwn i&apos;n teimlo&apos;n hyderus iawn wrth ddefnyddio&apos;r dangosydd.</translation>
    </message>
    <message>
        <source>I needed to learn a lot of things before I could get going with this display.</source>
        <translation>Roedd angen i mi ddysgu llawer o bethau cyn y gallwn ddechrau defnyddio&apos;r dangosydd hwn.</translation>
    </message>
    <message>
        <source>Overall, how difficult or easy was the task to complete?</source>
        <translation>At ei gilydd, pa mor anodd neu hawdd oedd cwblhau&apos;r dasg?</translation>
    </message>
    <message>
        <source>Very difficult</source>
        <translation>Anodd iawn</translation>
    </message>
    <message>
        <source>Very easy</source>
        <translation>Hawdd iawn</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Isel iawn</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Uchel iawn</translation>
    </message>
    <message>
        <source>Mental demand: how mentally demanding was the task?</source>
        <translation>Gofyn meddyliol: pa mor feichus i&apos;r meddwl oedd y dasg?</translation>
    </message>
    <message>
        <source>Physical demand: how physically demanding was the task?</source>
        <translation>Gofyn corfforol: pa mor feichus i&apos;r corff oedd y dasg?</translation>
    </message>
    <message>
        <source>Temporal demand: how hurried or rushed was the pace of the task?</source>
        <translation>Pwysau amser: pa mor frysiog oedd cyflymder y dasg?</translation>
    </message>
    <message>
        <source>Performance: how successful were you in accomplishing what you were asked to do?</source>
        <translation>Perfformiad: pa mor llwyddiannus oeddech chi wrth wneud yr hyn y gofynnwyd i chi ei wneud?</translation>
    </message>
    <message>
        <source>Perfect</source>
        <translation>Perffaith</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Methiant</translation>
    </message>
    <message>
        <source>Effort: how hard did you have to work to accomplish your level of performance?</source>
        <translation>Ymdrech: pa mor galed oedd rhaid i chi weithio i gyrraedd lefel eich perfformiad?</translation>
    </message>
    <message>
        <source>Frustration: how insecure, discouraged, irritated, stressed and annoyed were you?</source>
        <translation>Rhwystredigaeth: pa mor ansicr, digalon, llidiog, dan straen a blin oeddech chi?</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Cwestiwn %1 o %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gorffen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nesaf</translation>
    </message>
</context>
<context>
    <name>RateLabel</name>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dydd</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nos</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Brig</translation>
    </message>
    <message>
        <source>Off-peak</source>
        <translation>Allfrig</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloc %1</translation>
    </message>
</context>
<context>
    <name>Reconnecting</name>
    <message>
        <source>Reconnecting…</source>
        <translation>Yn ailgysylltu…</translation>
    </message>
    <message>
        <source>The display cannot reach the meters. It keeps trying by itself.</source>
        <translation>Ni all y dangosydd gyrraedd y mesuryddion. Mae’n dal ati i geisio ar ei ben ei hun.</translation>
    </message>
    <message>
        <source>The display lost touch with the meters at %1, so the figures behind are out of date. It keeps trying by itself – there is nothing you need to do.</source>
        <translation>Collodd y dangosydd gysylltiad â’r mesuryddion am %1, felly mae’r ffigurau y tu ôl wedi dyddio. Mae’n dal ati i geisio ar ei ben ei hun – does dim angen i chi wneud dim.</translation>
    </message>
</context>
<context>
    <name>RemoteHomeSource</name>
    <message>
        <source>This display is not allowed on this home&apos;s network – ask the installer to add it</source>
        <translation>Ni chaniateir y dangosydd hwn ar rwydwaith y cartref hwn – gofynnwch i&apos;r gosodwr ei ychwanegu</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Standard</source>
        <translation>Safonol</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Testun mawr</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Cyferbyniad uchel</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>I ffwrdd</translation>
    </message>
    <message>
        <source>Beep</source>
        <translation>Bîp</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>Siarad</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Tawel</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Arferol</translation>
    </message>
    <message>
        <source>Loud</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Araf</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Cyflym</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Is</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>Uwch</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 munud</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 munud</translation>
    </message>
    <message>
        <source>How often a high use is said again</source>
        <translation>Pa mor aml y dywedir eto fod defnydd yn uchel</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Byth</translation>
    </message>
    <message>
        <source>Speech volume</source>
        <translation>Cryfder y llais</translation>
    </message>
    <message>
        <source>Speech rate</source>
        <translation>Cyflymder y llais</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Llais</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Text and colours</source>
        <translation>Testun a lliwiau</translation>
    </message>
    <message>
        <source>Sound when your electricity use changes</source>
        <translation>Sain pan fydd eich defnydd trydan yn newid</translation>
    </message>
    <message>
        <source>Speaks in the display&apos;s language: low, medium or high.</source>
        <translation>Yn siarad yn iaith y dangosydd: isel, canolig neu uchel.</translation>
    </message>
    <message>
        <source>Speech is not available on this display (espeak-ng is not installed).</source>
        <translation>Nid oes lleferydd ar gael ar y dangosydd hwn (nid yw espeak-ng wedi&apos;i osod).</translation>
    </message>
    <message>
        <source>Spoken alerts are on.</source>
        <translation>Mae rhybuddion llafar ymlaen.</translation>
    </message>
    <message>
        <source>This is how speech sounds now.</source>
        <translation>Fel hyn mae&apos;r llais yn swnio nawr.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Time %1</source>
        <translation>Amser %1</translation>
    </message>
    <message>
        <source>Speech off</source>
        <translation>Lleferydd i ffwrdd</translation>
    </message>
    <message>
        <source>Speech on</source>
        <translation>Lleferydd ymlaen</translation>
    </message>
    <message>
        <source>A new message from your energy supplier</source>
        <translation>Neges newydd gan eich cyflenwr ynni</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <source>use is low</source>
        <translation>mae&apos;r defnydd yn isel</translation>
    </message>
    <message>
        <source>use is medium</source>
        <translation>mae&apos;r defnydd yn ganolig</translation>
    </message>
    <message>
        <source>use is high</source>
        <translation>mae&apos;r defnydd yn uchel</translation>
    </message>
    <message>
        <source>%1 pence</source>
        <translation>%1 ceiniog</translation>
    </message>
    <message>
        <source>kilowatt hours</source>
        <translation>cilowat awr</translation>
    </message>
    <message>
        <source>Electricity now not known yet</source>
        <translation>Trydan nawr: ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>Electricity now %1 kilowatts</source>
        <translation>Trydan nawr %1 cilowat</translation>
    </message>
    <message>
        <source>costing %1 an hour</source>
        <translation>yn costio %1 yr awr</translation>
    </message>
    <message>
        <source>out of date, last heard at %1</source>
        <translation>wedi dyddio, clywyd ddiwethaf am %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>diweddarwyd %1</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <source>Device</source>
        <translation>Dyfais</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Cryfder signal</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Clywyd ddiwethaf</translation>
    </message>
    <message>
        <source>No devices paired yet.</source>
        <translation>Dim dyfeisiau wedi&apos;u paru eto.</translation>
    </message>
    <message>
        <source>The meters&apos; clock runs %1 times faster than real time.</source>
        <translation>Mae cloc y mesuryddion yn rhedeg %1 gwaith yn gyflymach nag amser real.</translation>
    </message>
    <message>
        <source>The hub has not told the time yet.</source>
        <translation>Nid yw&apos;r hyb wedi rhoi&apos;r amser eto.</translation>
    </message>
    <message>
        <source>Connected to your smart meters</source>
        <translation>Wedi cysylltu â&apos;ch mesuryddion clyfar</translation>
    </message>
    <message>
        <source>Looking for your meter…</source>
        <translation>Chwilio am eich mesurydd…</translation>
    </message>
    <message>
        <source>Smart meter time: %1, %2</source>
        <translation>Amser y mesurydd clyfar: %1, %2</translation>
    </message>
    <message>
        <source>Radio messages that could not be read: %1</source>
        <translation>Negeseuon radio na ellid eu darllen: %1</translation>
    </message>
    <message>
        <source>Communications hub</source>
        <translation>Hyb cyfathrebu</translation>
    </message>
    <message>
        <source>Electricity meter</source>
        <translation>Mesurydd trydan</translation>
    </message>
    <message>
        <source>Gas meter</source>
        <translation>Mesurydd nwy</translation>
    </message>
    <message>
        <source>Power sensor</source>
        <translation>Synhwyrydd pŵer</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Dyfais arall</translation>
    </message>
    <message>
        <source>Through the hub</source>
        <translation>Drwy&apos;r hyb</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Gwan</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Gweddol</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Cryf</translation>
    </message>
    <message>
        <source>Not heard yet</source>
        <translation>Heb ei chlywed eto</translation>
    </message>
</context>
<context>
    <name>SupplyScreen</name>
    <message>
        <source>Make sure the gas cooker, fire and any other gas appliances are switched off. Gas comes back on only at the gas meter: after this, press its button.</source>
        <translation>Gwnewch yn siŵr bod y popty nwy, y tân ac unrhyw gyfarpar nwy arall wedi&apos;u diffodd. Dim ond wrth y mesurydd nwy y daw&apos;r nwy yn ôl ymlaen: ar ôl hyn, pwyswch ei fotwm.</translation>
    </message>
    <message>
        <source>Make sure electric heaters, cookers and irons are switched off before the supply comes back on.</source>
        <translation>Gwnewch yn siŵr bod gwresogyddion trydan, poptai a heyrn smwddio wedi’u diffodd cyn i’r cyflenwad ddod yn ôl ymlaen.</translation>
    </message>
    <message>
        <source>Turn your gas back on</source>
        <translation>Troi eich nwy yn ôl ymlaen</translation>
    </message>
    <message>
        <source>Turn your electricity back on</source>
        <translation>Troi eich trydan yn ôl ymlaen</translation>
    </message>
    <message>
        <source>Your supply is not ready to be turned on. After a top-up, your supplier makes it ready; then you can turn it on here.</source>
        <translation>Nid yw’ch cyflenwad yn barod i’w droi ymlaen. Ar ôl ychwanegu credyd, bydd eich cyflenwr yn ei baratoi; yna gallwch ei droi ymlaen yma.</translation>
    </message>
    <message>
        <source>Turning your supply on…</source>
        <translation>Yn troi’ch cyflenwad ymlaen…</translation>
    </message>
    <message>
        <source>Your gas is on.</source>
        <translation>Mae eich nwy ymlaen.</translation>
    </message>
    <message>
        <source>Your supply is on.</source>
        <translation>Mae’ch cyflenwad ymlaen.</translation>
    </message>
    <message>
        <source>Gas can only be turned back on at the gas meter – press its button.</source>
        <translation>Dim ond wrth y mesurydd nwy y gellir troi&apos;r nwy yn ôl ymlaen – pwyswch ei fotwm.</translation>
    </message>
    <message>
        <source>The meter is not ready to turn the supply on yet. Your supplier makes it ready after a top-up.</source>
        <translation>Nid yw&apos;r mesurydd yn barod i droi&apos;r cyflenwad ymlaen eto. Mae eich cyflenwr yn ei wneud yn barod ar ôl ychwanegu credyd.</translation>
    </message>
    <message>
        <source>The meter did not turn the supply on.</source>
        <translation>Ni wnaeth y mesurydd droi’r cyflenwad ymlaen.</translation>
    </message>
    <message>
        <source>Press and hold the button for 2 seconds.</source>
        <translation>Pwyswch a dal y botwm am 2 eiliad.</translation>
    </message>
    <message>
        <source>Hold to turn on</source>
        <translation>Daliwch i droi ymlaen</translation>
    </message>
    <message>
        <source>Press and hold for 2 seconds to turn the supply on</source>
        <translation>Pwyswch a dal am 2 eiliad i droi’r cyflenwad ymlaen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Back to your balance</source>
        <translation>Yn ôl at eich balans</translation>
    </message>
</context>
<context>
    <name>TariffScreen</name>
    <message>
        <source>Today&apos;s electricity prices, half hour by half hour</source>
        <translation>Prisiau trydan heddiw, fesul hanner awr</translation>
    </message>
    <message>
        <source>Today&apos;s electricity prices</source>
        <translation>Prisiau trydan heddiw</translation>
    </message>
    <message>
        <source>Left and Right arrows choose a half hour</source>
        <translation>Mae&apos;r saethau Chwith a De yn dewis hanner awr</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>%1p per kWh</source>
        <translation>%1c y kWh</translation>
    </message>
    <message>
        <source>Waiting for prices from your meter…</source>
        <translation>Yn aros am brisiau gan eich mesurydd…</translation>
    </message>
    <message>
        <source>Prices include VAT at 5 %.</source>
        <translation>Mae&apos;r prisiau&apos;n cynnwys TAW ar 5 %.</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 tan %2</translation>
    </message>
    <message>
        <source>Single rate</source>
        <translation>Cyfradd sengl</translation>
    </message>
    <message>
        <source>Price not known yet</source>
        <translation>Pris ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>From %1: %2 (%3)</source>
        <translation>O %1: %2 (%3)</translation>
    </message>
    <message>
        <source>No price change announced</source>
        <translation>Dim newid pris wedi&apos;i gyhoeddi</translation>
    </message>
    <message>
        <source>Standing charge %1 a day</source>
        <translation>Tâl sefydlog %1 y dydd</translation>
    </message>
    <message>
        <source>Standing charge not known yet</source>
        <translation>Tâl sefydlog ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>Rate %1</source>
        <translation>Cyfradd %1</translation>
    </message>
    <message>
        <source>price not known</source>
        <translation>pris ddim yn hysbys</translation>
    </message>
</context>
<context>
    <name>TopUpScreen</name>
    <message>
        <source>The meter did not answer – please try again</source>
        <translation>Ni atebodd y mesurydd – rhowch gynnig arall arni</translation>
    </message>
    <message>
        <source>Enter your 20-digit top-up code</source>
        <translation>Rhowch eich cod credyd 20 digid</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Anfon</translation>
    </message>
    <message>
        <source>Send the code to your meter</source>
        <translation>Anfon y cod i’ch mesurydd</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Gludo</translation>
    </message>
    <message>
        <source>Take the digits of a copied code</source>
        <translation>Defnyddio digidau cod a gopïwyd</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Back to your balance</source>
        <translation>Yn ôl at eich balans</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clirio</translation>
    </message>
    <message>
        <source>Remove the last digit</source>
        <translation>Tynnu’r digid olaf</translation>
    </message>
    <message>
        <source>Remove every digit</source>
        <translation>Tynnu pob digid</translation>
    </message>
    <message>
        <source>Top-up code</source>
        <translation>Cod credyd</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Ar gyfer:</translation>
    </message>
    <message>
        <source>The code is for this meter</source>
        <translation>Mae&apos;r cod ar gyfer y mesurydd hwn</translation>
    </message>
    <message>
        <source>Choose this meter for the code</source>
        <translation>Dewis y mesurydd hwn ar gyfer y cod</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>nwy</translation>
    </message>
    <message>
        <source>electricity</source>
        <translation>trydan</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Nwy</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Trydan</translation>
    </message>
    <message>
        <source>%1 of 20 digits</source>
        <translation>%1 o 20 digid</translation>
    </message>
    <message>
        <source>Please enter all 20 digits of your code</source>
        <translation>Rhowch bob un o 20 digid eich cod</translation>
    </message>
    <message>
        <source>That code isn&apos;t right – please check the digits</source>
        <translation>Nid yw’r cod hwnnw’n gywir – gwiriwch y digidau</translation>
    </message>
    <message>
        <source>No prepayment meter has been found yet</source>
        <translation>Heb ddod o hyd i fesurydd talu ymlaen llaw eto</translation>
    </message>
    <message>
        <source>Sending your code…</source>
        <translation>Yn anfon eich cod…</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>Ychwanegwyd %1</translation>
    </message>
    <message>
        <source>%1 added to your %2 – new %2 balance %3</source>
        <translation>Ychwanegwyd %1 at eich %2 – balans %2 newydd %3</translation>
    </message>
    <message>
        <source>%1 added – new balance %2</source>
        <translation>Ychwanegwyd %1 – balans newydd %2</translation>
    </message>
    <message>
        <source>This code was for your %1 meter, so it was sent there.</source>
        <translation>Roedd y cod hwn ar gyfer eich mesurydd %1, felly cafodd ei anfon yno.</translation>
    </message>
    <message>
        <source>This code is not for your electricity or gas meter</source>
        <translation>Nid yw&apos;r cod hwn ar gyfer eich mesurydd trydan na nwy</translation>
    </message>
    <message>
        <source>This code has already been used</source>
        <translation>Mae’r cod hwn wedi’i ddefnyddio eisoes</translation>
    </message>
    <message>
        <source>This code is not for this meter</source>
        <translation>Nid yw’r cod hwn ar gyfer y mesurydd hwn</translation>
    </message>
    <message>
        <source>Too many wrong codes – try again at about %1</source>
        <translation>Gormod o godau anghywir – rhowch gynnig arall arni tua %1</translation>
    </message>
    <message>
        <source>That is more than one top-up can add</source>
        <translation>Mae hynny’n fwy nag y gall un taliad ei ychwanegu</translation>
    </message>
    <message>
        <source>That would take your credit over the limit</source>
        <translation>Byddai hynny’n mynd â’ch credyd dros y terfyn</translation>
    </message>
    <message>
        <source>This meter only accepts whole pounds</source>
        <translation>Dim ond punnoedd cyfan y mae’r mesurydd hwn yn eu derbyn</translation>
    </message>
    <message>
        <source>The meter could not use this code – please try again</source>
        <translation>Ni allai’r mesurydd ddefnyddio’r cod hwn – rhowch gynnig arall arni</translation>
    </message>
</context>
</TS>
