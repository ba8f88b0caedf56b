import QtQuick
import QtTest
import Poruch.Backend
import Poruch.Ui

// The generic form renderer over real drafts in the demo store: an editor for every field type,
// autosave of every change (a second controller on the same record reads it back), validation
// messages under the fields, and each editor writing the JSON shape the validator expects.
TestCase {
    id: testCase
    name: "FormRenderer"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: cardComponent
        CaseController {}
    }
    Component {
        id: controllerComponent
        FormController {}
    }
    Component {
        id: viewComponent
        FormView {
            width: testCase.width
            height: testCase.height
        }
    }

    // TestCase itself is invisible: put what we click into the window's visible content item.
    readonly property Item stage: testCase.parent ? testCase.parent : testCase

    function newForm(type) {
        const card = createTemporaryObject(cardComponent, testCase, { caseId: AppSession.demoCaseId })
        const id = card.createRecord(type)
        verify(id.length > 0, "draft created for " + type)
        const controller = createTemporaryObject(controllerComponent, testCase, { recordId: id })
        verify(controller.loaded)
        const view = createTemporaryObject(viewComponent, testCase.stage, { controller: controller })
        verify(view)
        waitForRendering(view)
        return { controller: controller, view: view, id: id }
    }

    function reread(id) {
        return createTemporaryObject(controllerComponent, testCase, { recordId: id })
    }

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findByName(kids[i], name)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item) {
            const found = findByName(item.contentItem, name)
            if (found)
                return found
        }
        return null
    }

    function click(view, item) {
        view.reveal(item)
        waitForRendering(view)
        mouseClick(item)
    }

    function typeInto(input, text) {
        input.forceActiveFocus()
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_everyFieldTypeHasAnEditor_data() {
        return [{ tag: "notice" }, { tag: "home_visit" }, { tag: "crisis_intervention" },
                { tag: "safety_assessment" }, { tag: "needs_assessment" }, { tag: "action" }]
    }
    function test_everyFieldTypeHasAnEditor(data) {
        const form = newForm(data.tag)
        const seen = {}
        for (const section of form.controller.sections) {
            for (const field of section.fields) {
                const editor = form.view.editorFor(field.key)
                verify(editor, "editor for " + field.key)
                verify(editor.children.length >= 3)
                seen[field.type] = true
            }
        }
        verify(Object.keys(seen).length >= 5)
    }

    function test_allThirteenTypesCovered() {
        const types = {}
        for (const t of ["notice", "home_visit", "crisis_intervention", "safety_assessment"]) {
            const form = newForm(t)
            for (const section of form.controller.sections)
                for (const field of section.fields)
                    types[field.type] = true
        }
        for (const t of ["text", "multiline", "date", "datetime", "number", "yesno", "choice", "multi",
                         "member", "participants", "table", "signature", "consent"])
            verify(types[t], "a built-in form uses " + t)
    }

    function test_textTypingIsSavedAtOnce() {
        const form = newForm("notice")
        const input = findByName(form.view.editorFor("subjectName"), "input")
        verify(input)
        const before = form.controller.revision
        typeInto(input, "abc")
        compare(form.controller.value("subjectName"), "abc")
        compare(form.controller.revision, before + 3, "one save per keystroke")
        compare(reread(form.id).value("subjectName"), "abc")
    }

    function test_validationMessageUnderTheField() {
        const form = newForm("notice")
        const editor = form.view.editorFor("phone")
        const issue = findByName(editor, "issue")
        verify(!issue.visible)
        typeInto(findByName(editor, "input"), "x")
        tryCompare(issue, "visible", true)
        verify(issue.text.indexOf("Контактний телефон") >= 0, issue.text)
        // Draft mode does not complain about missing required fields; final mode does.
        verify(!form.controller.issues["receivedByName"])
        verify(form.controller.checkFinal() > 0)
        tryVerify(() => findByName(form.view.editorFor("receivedByName"), "issue").visible)
    }

    function test_yesNoAndChoice() {
        const form = newForm("notice")
        const editor = form.view.editorFor("crisis")
        click(form.view, findByName(editor, "no"))
        compare(form.controller.value("crisis"), false)
        click(form.view, findByName(editor, "yes"))
        compare(reread(form.id).value("crisis"), true)
        form.controller.setValue("subjectKind", "family")
        compare(reread(form.id).value("subjectKind"), "family")
    }

    function test_dateTodayButton() {
        const form = newForm("services_decision")
        form.controller.setValue("decisionDate", "")
        const input = findByName(form.view.editorFor("decisionDate"), "input")
        typeInto(input, "2026-03-2")
        compare(form.controller.value("decisionDate"), "2026-03-2", "kept as typed")
        verify(form.controller.issues["decisionDate"])
        keyClick("6")
        compare(form.controller.value("decisionDate"), "2026-03-26")
        verify(!form.controller.issues["decisionDate"])
    }

    function test_catalogSearchAndTick() {
        const form = newForm("notice")
        const editor = form.view.editorFor("indicatorsAbuse")
        click(form.view, findByName(editor, "toggle"))
        const item = findByName(editor, "item_abuse.03")
        verify(item)
        verify(item.height >= 48, "touch target")
        click(form.view, item)
        compare(reread(form.id).value("indicatorsAbuse"), ["abuse.03"])
        const groupsBefore = form.controller.catalogGroups("indicatorsAbuse", "")[0].items.length
        const search = findByName(editor, "search")
        typeInto(search, "abuse.1") // keyClick types ASCII only; the filter matches codes and (folded) texts
        compare(editor.children[2].item.filter, "abuse.1")
        const groupsAfter = form.controller.catalogGroups("indicatorsAbuse", "abuse.1")
        compare(groupsAfter[0].items.length, 10)
        verify(groupsAfter[0].items.length < groupsBefore)
        verify(form.controller.catalogGroups("indicatorsAbuse", "АЛКОГ")[0].items.length < groupsBefore,
               "Ukrainian search is case-insensitive")
    }

    // Opening a checklist low on the screen scrolls it up so its first items are visible.
    function test_openedCatalogIsScrolledIntoView() {
        const form = newForm("notice")
        const editor = form.view.editorFor("indicatorsAbuse")
        const toggle = findByName(editor, "toggle")
        const flick = form.view.contentItem
        const y = toggle.mapToItem(flick.contentItem, 0, 0).y
        flick.contentY = Math.max(0, y - form.view.height + toggle.height + 8) // the button at the bottom edge
        waitForRendering(form.view)
        const before = toggle.mapToItem(form.view, 0, 0).y
        verify(before > form.view.height / 2, "the button starts low on the screen")
        mouseClick(toggle)
        const first = findByName(editor, "item_abuse.01")
        verify(first)
        tryVerify(() => {
            const top = first.mapToItem(form.view, 0, 0).y
            return top >= 0 && top + first.height <= form.view.height
        }, 2000, "the first item of the opened list is on screen")
        verify(toggle.mapToItem(form.view, 0, 0).y < before)
    }

    function test_memberPickerAndRows() {
        const form = newForm("home_visit")
        verify(form.controller.members.length >= 2)
        form.controller.toggleMember("membersPresent", form.controller.members[0].id, true)
        compare(reread(form.id).value("membersPresent"), [form.controller.members[0].id])
        const rows = form.view.editorFor("visitors")
        click(form.view, findByName(rows, "addRow"))
        compare(form.controller.value("visitors").length, 1)
        const cell = findByName(rows, "cell_name")
        verify(cell)
        typeInto(cell, "Oksana")
        compare(reread(form.id).value("visitors")[0].name, "Oksana")
    }

    // relatesTo ("refersTo": "record") is a picker of the case's records, never an id typed by hand.
    function test_recordPickerForRelatesTo() {
        const form = newForm("action")
        const records = form.controller.caseRecords
        verify(records.length >= 1, "the demo case has records")
        for (const r of records) {
            verify(r.id !== form.id, "the record itself is not offered")
            verify(r.typeLabel.length > 0 && r.when.length > 0 && r.status.length > 0)
        }
        const editor = form.view.editorFor("relatesTo")
        const line = findByName(editor, "record_" + records[0].id)
        verify(line, "one line per record of the case")
        verify(line.height >= 48)
        click(form.view, line)
        compare(form.controller.value("relatesTo"), records[0].id)
        compare(reread(form.id).value("relatesTo"), records[0].id)
        verify(!form.controller.issues["relatesTo"])
        // An id of no record of this case is flagged (draft validation).
        form.controller.setValue("relatesTo", "7d3e1b22-1c4b-4f0e-8a55-2b6c7a9e0c31")
        verify((form.controller.issues["relatesTo"] || "").length > 0)
    }

    function test_signaturePadStoresPng() {
        const form = newForm("home_visit")
        const pad = form.view.editorFor("specialistSignature")
        const canvas = findByName(pad, "canvas")
        verify(canvas)
        form.view.reveal(pad)
        waitForRendering(form.view)
        mousePress(canvas, 20, 20)
        for (let x = 20; x < 200; x += 10)
            mouseMove(canvas, x, 20 + (x % 40))
        mouseRelease(canvas, 200, 40)
        const save = findByName(pad, "saveSignature")
        tryCompare(save, "enabled", true)
        click(form.view, save)
        const value = reread(form.id).value("specialistSignature")
        verify(value.png.startsWith("iVBORw0KGgo"), "base64 PNG")
        verify(value.signedAt.length > 0)
        verify(!form.controller.issues["specialistSignature"])
    }

    function test_consentRefusalNeedsReason() {
        const form = newForm("notice")
        const editor = form.view.editorFor("policeConsent")
        click(form.view, findByName(editor, "decision_refused"))
        compare(form.controller.value("policeConsent").decision, "refused")
        const reason = findByName(editor, "refusalReason")
        tryCompare(reason, "visible", true)
        form.controller.checkFinal()
        verify(form.controller.issues["policeConsent"])
        typeInto(reason, "no")
        compare(reread(form.id).value("policeConsent").refusalReason, "no")
    }

    function test_tableAndNumber() {
        const form = newForm("crisis_intervention")
        form.controller.addRow("activities")
        const cell = findByName(form.view.editorFor("activities"), "cell_activity")
        typeInto(cell, "Call")
        compare(reread(form.id).value("activities")[0].activity, "Call")
        const notice = newForm("notice")
        typeInto(findByName(notice.view.editorFor("subjectAge"), "input"), "12")
        compare(reread(notice.id).value("subjectAge"), 12)
    }
}
