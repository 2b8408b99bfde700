<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
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
        <source>Electricity use right now</source>
        <translation>Defnydd trydan ar hyn o bryd</translation>
    </message>
    <message>
        <source>%1 (out of date)</source>
        <translation>%1 (wedi dyddio)</translation>
    </message>
</context>
<context>
    <name>Experience</name>
    <message>
        <source>In-Home Display</source>
        <translation>Dangosydd yn y Cartref</translation>
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
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
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
        <source>Last updated</source>
        <translation>Diweddarwyd ddiwethaf</translation>
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
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
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
</TS>
