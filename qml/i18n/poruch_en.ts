<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <source>About Poruch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poruch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statutory deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines appear here as soon as a notice or an act starts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families and persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases on this tablet yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases assigned to you arrive with the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Poruch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerStatusChip</name>
    <message>
        <source>Server online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers. Version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether the server answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you record is kept on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server is set. Everything you record is kept on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Poruch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
