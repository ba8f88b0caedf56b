import QtQuick
import QtTest
import Poruch.Ui
import Poruch.Backend

TestCase {
    id: testCase
    name: "Components"
    when: windowShown
    width: 800
    height: 600

    Component {
        id: emptyStateComponent
        EmptyState {
            width: 400
        }
    }
    Component {
        id: chipComponent
        ServerStatusChip {}
    }
    Component {
        id: badgeComponent
        StatusBadge {}
    }
    Component {
        id: deadlineComponent
        DeadlineItem {
            width: 400
            what: "Зробити"
            whoActs: "Діє: служба у справах дітей"
            hint: "Виконується в офісі, не на планшеті."
            timeLeft: "прострочено"
            dueText: "27.03.2026"
            caseTitle: "Сім'я"
            canDoHere: false
            actionText: ""
        }
    }
    Component {
        id: buttonComponent
        AppButton { text: "Гаразд" }
    }

    function test_emptyStateShowsHeadlineAndHint() {
        const item = createTemporaryObject(emptyStateComponent, testCase,
                                           { headline: "Нічого", hint: "Підказка" })
        verify(item)
        const texts = []
        for (let i = 0; i < item.children.length; ++i)
            texts.push(item.children[i].text)
        compare(texts, ["Нічого", "Підказка"])
        verify(item.implicitHeight > 0)
    }

    function test_chipSaysNoServerWhenNoneIsSet() {
        const chip = createTemporaryObject(chipComponent, testCase)
        verify(chip)
        compare(chip.label, "No server set")
        verify(chip.implicitHeight >= 48, "touch target at least 48 px")
    }

    readonly property Item stage: testCase.parent ? testCase.parent : testCase

    function test_badgeHidesWhenEmptyAndNamesSyncStates() {
        const empty = createTemporaryObject(badgeComponent, testCase.stage, { kind: "" })
        verify(!empty.visible)
        const pending = createTemporaryObject(badgeComponent, testCase.stage, { kind: "pending" })
        verify(pending.visible)
        compare(pending.style.text, "waiting to send")
        const conflict = createTemporaryObject(badgeComponent, testCase.stage, { kind: "conflict" })
        verify(Qt.colorEqual(conflict.color, "#ffebee"))
    }

    function test_deadlineColoursByUrgency_data() {
        return [{ tag: "overdue", edge: "#c62828" }, { tag: "today", edge: "#f9a825" }, { tag: "later", edge: "#90a4ae" }]
    }
    function test_deadlineColoursByUrgency(data) {
        const item = createTemporaryObject(deadlineComponent, testCase, { urgency: data.tag })
        verify(Qt.colorEqual(item.edge, data.edge))
        verify(item.implicitHeight >= 48)
    }

    SignalSpy {
        id: actSpy
        signalName: "act"
    }

    function test_deadlineOffersTheStepOnlyWhenItIsDoneHere() {
        const office = createTemporaryObject(deadlineComponent, testCase.stage, { urgency: "overdue" })
        verify(!findChild(office, "deadlineAction").visible, "no button for a step the tablet cannot record")
        const item = createTemporaryObject(deadlineComponent, testCase.stage,
                                           { urgency: "overdue", canDoHere: true, actionText: "Виконати: відмітити виконання" })
        const button = findChild(item, "deadlineAction")
        verify(button.visible)
        compare(button.text, "Виконати: відмітити виконання")
        verify(button.height >= 48, "touch target at least 48 px")
        verify(item.height >= button.y + button.height, "the button is inside the row")
        actSpy.target = item
        actSpy.clear()
        mouseClick(button)
        compare(actSpy.count, 1)
    }

    function test_deadlineWithoutAButtonSaysWhoActsAndWhatToDo() {
        const row = createTemporaryObject(deadlineComponent, testCase.stage, { urgency: "overdue", showCase: false })
        verify(!findChild(row, "deadlineAction").visible)
        compare(findChild(row, "deadlineWho").text, "Діє: служба у справах дітей")
        const hint = findChild(row, "deadlineHint")
        verify(hint.visible, "a row without a button is never silent")
        compare(hint.text, "Виконується в офісі, не на планшеті.")
        verify(row.height >= hint.y + hint.height, "the hint is inside the row")
        // With a button the hint gives way to it.
        const doable = createTemporaryObject(deadlineComponent, testCase.stage,
                                             { urgency: "later", canDoHere: true, actionText: "Виконати: відмітити виконання" })
        verify(findChild(doable, "deadlineAction").visible)
        verify(!findChild(doable, "deadlineHint").visible)
        compare(findChild(doable, "deadlineWho").text, "Діє: служба у справах дітей · Сім'я")
    }

    function test_appButtonIsATouchTarget() {
        const button = createTemporaryObject(buttonComponent, testCase)
        verify(button.height >= 48)
        verify(button.width >= 48)
    }

    function test_syncSeamIsTheAppsInstance() {
        // QML must see the instance the app wires to the sync client, not a copy of its own.
        // The demo households wait in the real outbox and the demo conflict is kept in the real store:
        // a copy of its own would show nothing.
        verify(SyncStatus.pending > 0, "the demo data waits in the outbox")
        compare(SyncStatus.conflictCount, 1)
        verify(!SyncStatus.upToDate, "never 'done' before a first synchronisation")
        compare(AppSession.state, AppSession.Unlocked)
    }
}
