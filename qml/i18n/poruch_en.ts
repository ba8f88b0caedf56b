<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <source>About Poruch</source>
        <translation>About Poruch</translation>
    </message>
    <message>
        <source>Poruch</source>
        <translation>Poruch</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</source>
        <translation>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</translation>
    </message>
    <message>
        <source>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</source>
        <translation>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Statutory deadlines</source>
        <translation>Statutory deadlines</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>No open deadlines</translation>
    </message>
    <message>
        <source>Deadlines appear here as soon as a notice or an act starts one.</source>
        <translation>Deadlines appear here as soon as a notice or an act starts one.</translation>
    </message>
    <message>
        <source>Families and persons</source>
        <translation>Families and persons</translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation>Search by name, address or phone</translation>
    </message>
    <message>
        <source>No cases on this tablet yet</source>
        <translation>No cases on this tablet yet</translation>
    </message>
    <message>
        <source>Cases assigned to you arrive with the next synchronisation.</source>
        <translation>Cases assigned to you arrive with the next synchronisation.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Poruch</source>
        <translation>Poruch</translation>
    </message>
</context>
<context>
    <name>ServerStatusChip</name>
    <message>
        <source>Server online</source>
        <translation>Server online</translation>
    </message>
    <message>
        <source>Checking server…</source>
        <translation>Checking server…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No server set</source>
        <translation>No server set</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>The server answers. Version %1.</source>
        <translation>The server answers. Version %1.</translation>
    </message>
    <message>
        <source>Checking whether the server answers…</source>
        <translation>Checking whether the server answers…</translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you record is kept on this tablet.</source>
        <translation>The server cannot be reached. Everything you record is kept on this tablet.</translation>
    </message>
    <message>
        <source>No server is set. Everything you record is kept on this tablet.</source>
        <translation>No server is set. Everything you record is kept on this tablet.</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Last contact: %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>About Poruch</source>
        <translation>About Poruch</translation>
    </message>
</context>
</TS>